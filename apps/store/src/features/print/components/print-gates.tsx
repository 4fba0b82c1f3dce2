import { buttonClasses, CubeIcon, EmptyState, LockIcon } from '@makrx/ui';

/** ENABLE_STL_UPLOAD off: the spec's "coming soon" instead of the upload. */
export function PrintComingSoon() {
  return (
    <EmptyState
      icon={<CubeIcon />}
      title="3D printing quotes are coming soon"
      description="Uploading models for instant quotes from local makerspaces is switched off for now. The rest of the store is open as usual."
      action={
        <a href="/" className={buttonClasses({ variant: 'secondary' })}>
          Browse the catalog
        </a>
      }
    />
  );
}

/** A guest: uploading files for quotes needs an account (access matrix). */
export function PrintSignIn({ returnTo }: { returnTo: string }) {
  return (
    <EmptyState
      icon={<LockIcon />}
      title="Sign in to upload your model"
      description="Quotes are made for your own files, kept with your MakrX account. Signing in takes a moment, and the same account works on MakrX.org and MakrCave."
      action={
        <a
          href={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}
          className={buttonClasses({ size: 'lg' })}
        >
          Sign in
        </a>
      }
    />
  );
}

/** ENABLE_SERVICE_MARKETPLACE off: the spec's "coming soon" instead of the providers' list. */
export function ProvidersComingSoon() {
  return (
    <EmptyState
      icon={<CubeIcon />}
      title="The print providers’ list is coming soon"
      description="Browsing the makerspaces and print shops that make prints, with their machines, materials and ratings, is switched off for now. The rest of the store is open as usual."
      action={
        <a href="/" className={buttonClasses({ variant: 'secondary' })}>
          Browse the catalog
        </a>
      }
    />
  );
}
