/**
 * The auth service as its own process: the MakrX.org API on PORT (8001) and, unless
 * OIDC_ISSUER points at a real Keycloak, the embedded identity provider on the issuer's port.
 */
import { runServiceProcess } from '@makrx/service-kit';
import { authService } from './service';

await runServiceProcess(authService);
