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
        description="The link may be old or mistyped. Everything MakrX.org has is a click away from the home page."
        action={
          <Link to="/" className={buttonClasses()}>
            Go to the home page
          </Link>
        }
      />
    </Container>
  );
}
