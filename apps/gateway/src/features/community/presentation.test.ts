import { describe, expect, it } from 'vitest';
import {
  activityReason,
  activityVerb,
  caveLink,
  followerCount,
  roleLabels,
  timeAgo,
} from './presentation';

describe('how the feed words its items', () => {
  it('says what the maker did', () => {
    expect(activityVerb({ kind: 'project.published' })).toBe('shared a new project');
    expect(activityVerb({ kind: 'project.completed' })).toBe('completed a project');
    expect(activityVerb({ kind: 'achievement.earned' })).toBe('earned an achievement');
  });

  it('names the followed makerspace an item came through', () => {
    const space = { id: '6f1c3a2e-1d7b-4c61-9a51-0c9d1b2f3e4a', name: 'Harbour Makers' };
    expect(activityReason({ via: 'makerspace', makerspace: space })).toBe(
      'At Harbour Makers, which you follow',
    );
    expect(activityReason({ via: 'maker', makerspace: space })).toBe('At Harbour Makers');
    expect(activityReason({ via: 'maker', makerspace: null })).toBeNull();
  });

  it('says how long ago, in words', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(timeAgo('2026-03-10T11:59:40Z', now)).toBe('just now');
    expect(timeAgo('2026-03-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(timeAgo('2026-03-09T10:00:00Z', now)).toBe('yesterday');
    expect(timeAgo('2026-02-20T12:00:00Z', now)).toBe('3 weeks ago');
  });

  it('counts followers in words', () => {
    expect(followerCount(0)).toBe('No followers yet');
    expect(followerCount(1)).toBe('1 follower');
    expect(followerCount(12)).toBe('12 followers');
  });

  it('links only to MakrCave paths', () => {
    expect(caveLink('http://localhost:3001/', '/projects/lamp')).toBe(
      'http://localhost:3001/projects/lamp',
    );
    expect(caveLink('http://localhost:3001', 'https://elsewhere.example')).toBeNull();
    expect(caveLink('http://localhost:3001', null)).toBeNull();
  });

  it('lists a member’s roles most responsible first', () => {
    expect(roleLabels(['member', 'makerspace_admin'])).toEqual(['Admin', 'Member']);
  });
});
