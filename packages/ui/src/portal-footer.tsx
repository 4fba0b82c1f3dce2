import { Container } from './container';
import { MakrXMark, PortalWordmark } from './makrx-logo';
import { portals, type PortalUrls } from './portals';

export interface PortalFooterProps {
  urls: PortalUrls;
  /** The app's own help links (the store: my orders, finding an order), in the bottom bar. */
  links?: Array<{ label: string; href: string }>;
}

export function PortalFooter({ urls, links = [] }: PortalFooterProps) {
  return (
    <footer className="border-t border-ink-200 bg-ink-50">
      <Container className="grid gap-10 py-12 md:grid-cols-[1.2fr_2fr] md:gap-16">
        <div>
          <p className="flex items-center gap-2.5 text-lg font-bold tracking-tight text-ink-950">
            <MakrXMark />
            MakrX
          </p>
          <p className="mt-4 max-w-xs text-sm leading-6 text-ink-600">
            Dream. Make. Share. One home for makers, the spaces they build in and the supplies they
            build with.
          </p>
        </div>
        <nav aria-label="All portals">
          <ul className="grid gap-6 sm:grid-cols-3">
            {portals.map((info) => (
              <li key={info.portal} data-portal={info.portal}>
                <a href={urls[info.urlKey]} className="group block rounded-lg">
                  <PortalWordmark
                    portal={info.portal}
                    className="text-sm group-hover:underline group-hover:underline-offset-4"
                  />
                  <span className="mt-1.5 block text-sm leading-6 text-ink-600">
                    {info.summary}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </Container>
      <div className="border-t border-ink-200">
        <Container className="flex flex-col gap-2 py-6 text-xs text-ink-600 sm:flex-row sm:items-center sm:justify-between">
          <p>© {new Date().getFullYear()} MakrX. Built by makers, for makers.</p>
          {links.length > 0 ? (
            <nav aria-label="Help">
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                {links.map((link) => (
                  <li key={link.href}>
                    <a
                      href={link.href}
                      className="font-medium text-ink-700 underline-offset-4 hover:text-ink-950 hover:underline"
                    >
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <p>MakrX.org · MakrCave · MakrX.Store</p>
        </Container>
      </div>
    </footer>
  );
}
