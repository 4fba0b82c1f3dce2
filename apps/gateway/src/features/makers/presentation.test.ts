import { describe, expect, it } from 'vitest';
import {
  firstNameOf,
  linkDisplay,
  makerspaceRoleLabel,
  pictureProblem,
  profileEditOf,
  profileFormErrors,
  purchaseCategoryLabel,
  skillToAdd,
  textOfHtml,
  type ProfileFormValues,
} from './presentation';

const form = (values: Partial<ProfileFormValues> = {}): ProfileFormValues => ({
  displayName: 'Milo Member',
  headline: '',
  bio: '',
  location: '',
  skills: [],
  links: [],
  ...values,
});

describe('the maker profile form', () => {
  it('accepts a name alone', () => {
    expect(profileFormErrors(form())).toEqual({});
  });

  it('says what is wrong, by field, as the service would refuse it', () => {
    const errors = profileFormErrors(
      form({
        displayName: '  ',
        bio: 'x'.repeat(4001),
        links: [
          { label: '', url: 'javascript:alert(1)' },
          { label: 'Site', url: 'https://milo.example.org' },
        ],
      }),
    );
    expect(errors).toEqual({
      displayName: 'Enter the name people know you by.',
      bio: 'Your bio can be at most 4000 characters.',
      'links.0.label': 'Give the link a label.',
      'links.0.url': 'Enter an address starting with https://',
    });
  });

  it('adds a skill once, trimmed, and no more than twelve', () => {
    expect(skillToAdd('  Laser   cutting ', [])).toEqual({ skill: 'Laser cutting' });
    expect(skillToAdd('laser cutting', ['Laser cutting'])).toEqual({
      error: '“laser cutting” is already listed.',
    });
    expect(
      skillToAdd(
        'One more',
        Array.from({ length: 12 }, (_, i) => `S${i}`),
      ),
    ).toEqual({
      error: 'List at most 12 skills.',
    });
    expect(skillToAdd('   ', [])).toBeNull();
  });

  it('sends trimmed values', () => {
    expect(
      profileEditOf(
        form({ displayName: ' Milo ', links: [{ label: ' Site ', url: ' https://a.example ' }] }),
      ),
    ).toMatchObject({ displayName: 'Milo', links: [{ label: 'Site', url: 'https://a.example' }] });
  });

  it('refuses a picture that is not PNG, JPEG or WebP, or over 5 MB, before sending it', () => {
    expect(pictureProblem({ type: 'image/gif', size: 10 })).toBe(
      'Choose a PNG, JPEG or WebP picture.',
    );
    expect(pictureProblem({ type: 'image/png', size: 6 * 1024 * 1024 })).toBe(
      'Choose a picture of at most 5 MB.',
    );
    expect(pictureProblem({ type: 'image/webp', size: 1000 })).toBeNull();
  });
});

describe('a maker profile as the page shows it', () => {
  it('speaks of the maker by first name', () => {
    expect(firstNameOf('Milo Member')).toBe('Milo');
    expect(firstNameOf('Cher')).toBe('Cher');
  });

  it('summarises a bio as plain words', () => {
    expect(textOfHtml('<p>I build <strong>lamps</strong> &amp; clocks.</p>\n<p>Ask me.</p>')).toBe(
      'I build lamps & clocks. Ask me.',
    );
  });

  it('writes a link by its host and path', () => {
    expect(linkDisplay('https://github.com/milo/')).toBe('github.com/milo/');
    expect(linkDisplay('https://milo.example.org/')).toBe('milo.example.org');
  });

  it('names a maker in a makerspace by the most they hold there', () => {
    expect(makerspaceRoleLabel(['member'])).toBe('Member');
    expect(makerspaceRoleLabel(['member', 'makerspace_admin'])).toBe('Admin');
    expect(makerspaceRoleLabel(['service_provider', 'member'])).toBe('Service provider');
  });

  it('writes a store category’s slug as words', () => {
    expect(purchaseCategoryLabel('dev-boards')).toBe('Dev boards');
    expect(purchaseCategoryLabel('filament')).toBe('Filament');
  });
});
