import { Button, ErrorState } from '@makrx/ui';
import { ApiError } from './api-client';

export interface ServiceErrorStateProps {
  error: Error;
  /** What failed to load, in words a visitor uses: "featured makers". */
  subject: string;
  onRetry?: () => void;
  titleAs?: 'h1' | 'h2' | 'h3';
  className?: string;
}

function describe(error: Error, subject: string) {
  if (error instanceof ApiError && error.isUnreachable) {
    return {
      title: `We can’t load ${subject} right now`,
      description:
        'The service behind this section isn’t answering. It may be restarting — give it a moment and try again.',
    };
  }
  if (error instanceof ApiError && error.status < 500) {
    return { title: `We couldn’t load ${subject}`, description: error.message };
  }
  return {
    title: `Something went wrong loading ${subject}`,
    description: 'It’s on our side, not yours. Please try again in a moment.',
  };
}

export function ServiceErrorState({
  error,
  subject,
  onRetry,
  titleAs,
  className,
}: ServiceErrorStateProps) {
  const { title, description } = describe(error, subject);
  return (
    <ErrorState
      title={title}
      description={description}
      code={error instanceof ApiError ? error.code : undefined}
      titleAs={titleAs}
      className={className}
      action={
        onRetry ? (
          <Button variant="secondary" onClick={onRetry}>
            Try again
          </Button>
        ) : undefined
      }
    />
  );
}
