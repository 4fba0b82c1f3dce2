import { useDocumentTitle } from '@makrx/spa-kit';
import { buttonClasses, CompassIcon, Container, EmptyState } from '@makrx/ui';
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <Container className="py-16 sm:py-24">
      <EmptyState
        titleAs="h1"
        icon={<CompassIcon />}
        title="This page doesn’t exist"
        description="The link may be old or mistyped. Every makerspace on MakrCave is listed in the directory."
        action={
          <Link to="/" className={buttonClasses()}>
            Browse makerspaces
          </Link>
        }
      />
    </Container>
  );
}
