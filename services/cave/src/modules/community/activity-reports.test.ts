import { describe, expect, it } from 'vitest';
import { projectActivity } from './activity-reports';

const project = {
  id: '3d1c5a7e-8b4f-4f7a-9d2e-1a2b3c4d5e6f',
  slug: 'soil-logger',
  title: 'Soil logger',
  summary: 'Logs soil moisture.',
  ownerId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  public: true,
  completedAt: null,
  makerspace: { id: '0f1e2d3c-4b5a-4968-8776-655443322110', name: 'MakrX Hub Bengaluru' },
};

describe('what the cave tells MakrX.org a public project did', () => {
  it('names a published project by an id that stays the same however often it changes', () => {
    const first = projectActivity(project, new Date('2026-03-01T10:00:00Z'));
    const later = projectActivity({ ...project, title: 'Soil logger v2' }, new Date());
    expect(first.map((item) => item.activity_id)).toEqual([`project-published:${project.id}`]);
    expect(later.map((item) => item.activity_id)).toEqual(first.map((item) => item.activity_id));
    expect(first[0]).toMatchObject({
      kind: 'project.published',
      makerspace_name: 'MakrX Hub Bengaluru',
      link: '/projects/soil-logger',
      occurred_at: '2026-03-01T10:00:00.000Z',
    });
  });

  it('adds its completion, once per time it was completed', () => {
    const completedAt = new Date('2026-04-02T08:30:00Z');
    const items = projectActivity({ ...project, completedAt }, new Date());
    expect(items.map((item) => item.kind)).toEqual(['project.published', 'project.completed']);
    expect(items[1]).toMatchObject({
      activity_id: `project-completed:${project.id}:${completedAt.getTime()}`,
      occurred_at: completedAt.toISOString(),
    });
  });
});
