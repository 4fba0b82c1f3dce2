/**
 * Every code a service puts in its error body (`{ error: { code, message, details } }`), with
 * what it means. Clients compare codes only through `ErrorCode`, so a code no service sends
 * fails to typecheck instead of never matching.
 */
export const errorCodes = {
  // Any service (service-kit, auth, storage)
  VALIDATION_FAILED: 'The request did not match the route’s schema; details name each field.',
  MALFORMED_BODY: 'The body is not valid JSON, or is empty where JSON was expected.',
  BODY_TOO_LARGE: 'The body is larger than the route accepts.',
  UNSUPPORTED_MEDIA_TYPE: 'The body’s content type is not one the route reads.',
  BAD_REQUEST: 'Any other request the framework refused before the handler ran.',
  ROUTE_NOT_FOUND: 'No route answers this method and path.',
  NOT_FOUND: 'The thing asked for does not exist (or is not the caller’s to see).',
  INTERNAL: 'Something failed on the service’s side; the log has the request id.',
  NOT_READY: 'The service is up but its database does not answer (health check).',
  MAINTENANCE: 'MAINTENANCE_MODE is on: writes are refused for now; details say when to retry.',
  FEATURE_DISABLED: 'The feature flag behind this route is off for the caller.',
  AUTHENTICATION_REQUIRED: 'The route needs a signed-in caller and none was sent.',
  INVALID_TOKEN:
    'The bearer token is malformed, expired, forged or not for this service; details: { reason }.',
  FORBIDDEN: 'The caller is known but their role does not allow this.',
  INVALID_LOGOUT_TOKEN:
    'A back-channel logout token is forged, expired, not for this client or misses its claims.',
  ACCOUNT_DELETED:
    'The token belongs to an account its owner deleted (401): tokens issued before are refused everywhere.',
  ACCOUNT_DELETION_UNCONFIRMED:
    'Deleting an account needs its email typed again, exactly; the one given differs and nothing was deleted (422).',
  ROUTE_ACCESS_MISDECLARED:
    'A route’s declared access lets in a caller its handler cannot serve (500: a bug, logged).',
  IDENTITY_PROVIDER_UNAVAILABLE:
    'The token could not be checked: the issuer’s keys are unreachable.',
  PEER_FAILED: 'Another service this one called answered with a failure.',
  PEER_AUTH_FAILED: 'The identity provider refused this service’s own client credentials.',
  PEERS_NOT_CONFIGURED: 'The service was started without the credentials to call the others.',
  SIGNATURE_INVALID: 'A signed file link is not valid or has expired.',
  CONTENT_TYPE_MISMATCH: 'An upload’s content type differs from the one its link was signed for.',
  EMPTY_UPLOAD: 'An upload has no content.',
  LIVE_STREAMS_EXHAUSTED:
    'The user already holds as many live streams as one instance keeps open (one per tab); close one.',

  // Auth service
  FLAG_GOVERNANCE: 'The caller’s role may not change or see this feature flag.',
  FLAG_PROPOSAL_OPEN:
    'The flag already has an open change proposal; decide or withdraw it before proposing another.',
  FLAG_PROPOSAL_DECIDED: 'The change proposal was already approved, rejected or withdrawn.',
  FLAG_SELF_APPROVAL: 'An admin tried to approve or reject their own flag change proposal.',
  FLAG_PROPOSAL_NO_CHANGE: 'The proposed settings are the flag’s current settings.',
  FLAG_NOT_MAKERSPACE_SCOPED:
    'A per-makerspace setting was asked for a flag that is not per makerspace.',
  USER_ROLE_GOVERNANCE:
    'A domain admin tried to give or take away a role other than their own domain’s admin role.',
  CANNOT_DEMOTE_SELF: 'A super admin tried to take away their own super admin role.',
  CANNOT_LOCK_SELF: 'An admin tried to lock their own account.',
  CANNOT_FOLLOW_SELF: 'A maker tried to follow themselves (422).',
  PASSKEY_NOT_VERIFIED:
    'A passkey answer was refused: its challenge is unknown, expired or used, or its signature, origin or counter is wrong.',
  LAST_SIGN_IN_METHOD:
    'The passkey is the account’s only way to sign in (no password, no other passkey): it stays.',

  // Cave service: equipment
  EQUIPMENT_ARCHIVED: 'The machine is archived: it is kept for its history and no longer changes.',
  EQUIPMENT_NAME_TAKEN: 'The makerspace already has a machine of this name.',

  // Cave service: reservations
  SLOT_TAKEN:
    'Another booking of the machine overlaps the slot; details: { taken: { startsAt, endsAt } }.',
  MAINTENANCE_SCHEDULED:
    'Maintenance is scheduled on the machine during the slot; details: { maintenance: { startsAt, endsAt } }.',
  TRAINING_REQUIRED:
    'The machine is booked only by members holding a valid pass of its training; details: { training: { id, name }, nextSession: { id, startsAt, seatsLeft } | null }.',
  EQUIPMENT_UNAVAILABLE: 'The machine is archived or offline and takes no bookings.',
  RESERVATION_STARTED:
    'The booking has started (or ended): it can no longer be cancelled; details: { status }.',
  OUTSIDE_OPENING_HOURS:
    'The slot is not inside one of the makerspace’s opening intervals, in its time zone (422); details: { timeZone, open: [{ startsAt, endsAt }] } for that day.',
  MAKERSPACE_CLOSED:
    'The makerspace is closed on a day the slot touches (a closure such as a public holiday; 422); details: { closure }.',
  BOOKING_TOO_LONG:
    'The slot is longer than the machine may be booked for at once (422); details: { maxBookingMinutes }.',
  BOOKING_TOO_SOON:
    'The slot starts sooner than the machine’s lead time allows (422); details: { minLeadMinutes }.',
  BOOKING_TOO_FAR_AHEAD:
    'The slot starts further ahead than the machine may be booked (422); details: { maxDaysAhead }.',
  RESERVATION_NOT_CHECKABLE:
    'Check-in is open from 15 minutes before the start to the end of a booked slot; check-out after check-in; details: { status }.',
  CURRENCY_IN_USE:
    'The makerspace’s currency cannot change: it has membership plans or has issued invoices in it; details: { currency, reason }.',
  PLAN_NAME_TAKEN: 'The makerspace already has a membership plan of that name.',
  PLAN_ARCHIVED: 'The membership plan is archived: nobody new subscribes to it.',
  NOT_A_MEMBER: 'The person named is not a member of the makerspace.',
  SUBSCRIPTION_OVERLAP:
    'The member already has a subscription covering those days; details: { startsOn }.',
  SUBSCRIPTION_ENDED: 'The subscription has ended or is already cancelled; details: { endsOn }.',
  BILLING_MONTH_OPEN: 'A month is invoiced only once it is over in the makerspace’s time zone.',
  INVOICE_NOT_OPEN: 'Only an open invoice can be paid or voided; details: { status }.',
  PAYMENT_NEEDS_ACTION:
    'The card asks for a confirmation step that invoice payments do not take (402); nothing was charged.',

  // Cave service: trainings
  TRAINING_NAME_TAKEN: 'The makerspace already has a training of this name.',
  TRAINING_ARCHIVED: 'The training is archived: it takes no sessions, passes or machines.',
  TRAINING_IN_USE:
    'The training is still required by machines; details: { machines: [name] }. Set their training first.',
  SESSION_FULL: 'Every seat of the training session is taken; details: { seats }.',
  SESSION_PAST: 'The training session has started or ended: sign-ups and changes are closed.',
  SESSION_CANCELLED: 'The training session was cancelled.',
  ALREADY_SIGNED_UP: 'The caller already holds a seat in this training session.',
  SEATS_BELOW_SIGNUPS:
    'A session cannot have fewer seats than members signed up; details: { signedUp }.',
  PASS_REVOKED: 'The training pass was already revoked.',

  // Store service: cart and checkout
  UNKNOWN_VARIANT: 'An item is not in the catalog (any more).',
  OUT_OF_STOCK:
    'Fewer are in stock than asked for; details: { variantId?, sku, available, requested }.',
  QUANTITY_TOO_LARGE: 'A cart holds at most MAX_UNITS_PER_LINE (20) of one item.',
  CART_TOKEN_REQUIRED: 'Merging a guest cart needs its x-cart-token.',
  CART_EMPTY: 'An order was placed from an empty cart.',
  EMAIL_REQUIRED: 'A guest checked out without an email address.',
  UNKNOWN_SHIPPING_METHOD: 'The shipping method is not one the store offers.',
  UNKNOWN_REGION:
    'The region is not one of the country’s ISO 3166-2 subdivisions, or the country’s tax needs one and none was given.',
  INVALID_POSTAL_CODE: 'The postal code does not have the shape the country’s postal codes have.',
  DESTINATION_NOT_TAXABLE:
    'The store has no tax rate for this destination, so it cannot price the order (422); nothing is sold untaxed by mistake.',
  MIXED_CURRENCIES: 'The items are priced in different currencies.',
  IDEMPOTENCY_KEY_REUSED:
    'The buyer already used this Idempotency-Key for a different order request (keys are per buyer).',
  QUANTITY_LIMIT:
    'One order takes at most this many of an item (422); details: { variantId, requested, limit }.',
  TOO_MANY_UNPAID_ORDERS:
    'The account, email or address already has the most unpaid orders allowed open; details: { limit, by }.',
  NOT_FOR_SALE:
    'An item was taken off sale (archived): it cannot be carted, quoted or ordered; details: { variantId, sku }.',
  TOO_MANY_REQUESTS:
    'Asked too often: an order link for this order or address, or the store’s search suggestions from one address.',

  // Store service: discount codes
  CODE_UNKNOWN:
    'No discount code reads like this (codes are not case-sensitive); details name the field.',
  CODE_NOT_YET_VALID: 'The discount code cannot be used before its start; details: { validFrom }.',
  CODE_EXPIRED:
    'The discount code could be used until a time that has passed; details: { validUntil }.',
  CODE_BELOW_MINIMUM:
    'The order’s subtotal is below the discount code’s minimum (422); details: { minSubtotalCents, currency }.',
  CODE_NOT_APPLICABLE:
    'Nothing in the order is in the categories the discount code is for, or its currency differs (422).',
  CODE_USED_UP: 'The discount code has been used as often as it may be (409); nothing was ordered.',
  CODE_ALREADY_USED:
    'This buyer (account, or email for a guest) has used the discount code as often as one buyer may (409).',
  CODE_TAKEN: 'Another discount code already reads like this one (codes are not case-sensitive).',

  // Store service: orders and payments
  ORDER_STATUS_CONFLICT:
    'The order’s status does not allow this step; details: { status, wanted }.',
  PRICE_CHANGED:
    'A price changed while the order was placed; nothing was taken; details: { sku, unitPriceCents }.',
  ORDER_NOT_PAYABLE: 'The order is not waiting for payment.',
  ORDER_EXPIRED: 'The time to pay ran out; the stock went back (a late payment is refunded).',
  ORDER_ALREADY_PAID: 'Another payment paid the order first; this one was refunded.',
  ORDER_NOT_CANCELLABLE: 'The order has shipped or is closed, so it cannot be cancelled.',
  ORDER_NOT_REFUNDABLE: 'Nothing was paid for the order, so there is nothing to refund.',
  NO_PAYMENT: 'The order has no successful payment to refund.',
  NO_INVOICE: 'The order has no invoice until it is paid.',

  // Store service: BOM orders from MakrCave (Quick Reorder)
  REORDER_ID_TAKEN:
    'A cave reorder id already names another user’s reorder; a reorder belongs to one user.',
  NO_PURCHASING_ACCOUNT: 'The makerspace has no active purchasing account at the store.',
  MONTHLY_LIMIT_EXCEEDED:
    'The order would take the purchasing account over its monthly spending limit; details: { limitCents, spentCents, orderCents }.',
  NOTHING_TO_ORDER:
    'None of the items could be ordered (unknown codes, out of stock); details: { rejected }.',
  PURCHASING_ACCOUNT_EXISTS: 'The makerspace already has a purchasing account.',

  // Store service: print orders
  PRINT_ORDER_NOT_PAID: 'The print order is not paid, so the cave has no job for it yet.',
  PRINT_NOT_DELIVERED: 'Only a delivered print can be rated; details: { status }.',
  PRINT_ALREADY_RATED:
    'The print was rated already with another rating (the same one again answers 200).',
  NOT_THE_BUYER: 'Only the customer who bought the print may rate it.',
  QUOTE_UNAVAILABLE:
    'The chosen offering no longer quotes this model (withdrawn, or the part does not fit); quote again.',

  // Store service: product reviews
  REVIEW_NOT_ALLOWED:
    'Only a signed-in customer who bought the product in an order that was delivered may review it (403).',
  REVIEW_ALREADY_WRITTEN:
    'The customer reviewed this product already; they edit that review instead (409); details: { reviewId }.',
  NOT_THE_REVIEWER: 'Only the customer who wrote a review may edit it (403).',

  PAYMENT_NOT_AWAITING_CONFIRMATION: 'The payment has no extra step to confirm.',
  PAYMENT_PROVIDER_UNAVAILABLE: 'The payment provider could not be reached; nothing was charged.',
  INVALID_SIGNATURE: 'A Stripe webhook’s signature does not match its body.',
  CARD_DECLINED: 'The card was declined (402); nothing was charged.',
  CARD_NOT_ACCEPTED: 'The offline test gateway takes only the test cards (402).',
  PAYMENT_INTENT_UNEXPECTED_STATE: 'The payment was not awaiting the confirmation sent (402).',
  PAYMENT_FAILED: 'The provider failed the payment without a reason of its own (402).',
  EXPIRED_CARD: 'The card has expired (402); nothing was charged.',
  INCORRECT_CVC: 'The card’s security code is wrong (402); nothing was charged.',
  PAYMENT_PROCESSING:
    'A payment of the order is still processing at the provider; wait for its outcome (409).',
  PAYMENT_ELEMENT_UNAVAILABLE:
    'Payments go through the offline test gateway: there is no Stripe Payment Intent to confirm.',

  // Store service: catalog administration
  UNKNOWN_CATEGORY: 'The category slug names no category; details: { field: "categorySlug" }.',
  SLUG_TAKEN:
    'Another product, category, machine (in its makerspace) or makerspace already has this slug.',
  SKU_TAKEN: 'Another variant already has this SKU.',
  CATEGORY_CYCLE: 'A category would sit under itself or one of its own subcategories.',
  CATEGORY_NOT_EMPTY: 'The category still has subcategories.',
  STOCK_BELOW_ZERO: 'A stock change would leave fewer than none; details: { stock }.',
  IMAGE_TOO_LARGE: 'An image (product image or makerspace photo) is larger than 5 MB.',
  UNSUPPORTED_IMAGE_TYPE: 'An upload is not a PNG, JPEG or WebP image.',
  IMAGE_UNREADABLE:
    'An upload starts like a PNG, JPEG or WebP image but cannot be decoded as one (a profile picture).',
  CSV_HEADER_INVALID: 'The CSV’s header misses columns or has unknown ones; details name them.',
  CSV_MALFORMED: 'A quote in the CSV is never closed; details: { line }.',
  CSV_EMPTY: 'The CSV is empty.',
  CSV_TOO_MANY_ROWS: 'The CSV has more rows than one import takes.',

  // Store service: 3D model uploads
  FILE_TOO_LARGE:
    'An upload (a model for the store, a project’s file) is larger than accepted; details: { maxBytes }.',
  UNSUPPORTED_FILE: 'A model upload is not an STL, OBJ or 3MF file; details: { allowed }.',
  EMPTY_FILE: 'A model upload has no content; nothing was kept.',
  INFECTED_FILE:
    'The virus scan found something in an upload; nothing was kept; details: { signature }.',
  VIRUS_SCAN_UNAVAILABLE: 'The virus scanner did not answer; the upload was not kept (503).',
  UPLOAD_CONFLICT:
    'A resumed upload sent bytes for another offset than the stored one, or is locked by another request.',
  UPLOAD_GONE: 'The upload was refused, cleaned up after 24 hours, or deleted; start a new one.',
  UPLOAD_PROTOCOL_ERROR: 'A tus request missed or garbled a header the protocol needs.',
  // The model analysis's refusals (@makrx/mesh's MeshError codes); nothing of the file is kept.
  TRUNCATED_STL: 'A binary STL is shorter than its header, or ends inside a triangle.',
  TRIANGLE_COUNT_MISMATCH: 'A binary STL header’s triangle count disagrees with the file’s size.',
  NON_FINITE_COORDINATE: 'A model has a NaN or infinite coordinate; the message names where.',
  ASCII_STL_SYNTAX: 'An ASCII STL has something other than the STL grammar in it, at a line.',
  OBJ_SYNTAX: 'An OBJ has a bad vertex or a face naming a missing vertex, at a line.',
  THREEMF_SYNTAX: 'A 3MF model has a bad vertex, triangle index or transform, at a line.',
  NOT_A_3MF: 'A file named .3mf is not a ZIP, or is a ZIP without a 3D model part.',
  ZIP_NOT_3MF: 'A ZIP archive (with no 3D model) was uploaded under an STL or OBJ name.',
  NO_TRIANGLES: 'A well-formed model file holds not a single triangle.',
  TOO_MANY_TRIANGLES:
    'A model has more triangles than MODEL_MAX_TRIANGLES; details: { maxTriangles }.',
  MODEL_HAS_NO_VOLUME:
    'The model encloses no volume or is flat in one direction, so it cannot be priced (422).',
  UPLOAD_BEING_ANALYSED:
    'The model was uploaded before the store analysed models and is being analysed now; try again in a minute.',
  PROVIDERS_UNREACHABLE:
    'The cave’s list of print providers could not be fetched, so no quote can be made (503).',

  // Cave service: makerspaces
  TOO_MANY_PHOTOS: 'The makerspace already has the most photos it may show (20); remove one first.',
  PHOTO_ORDER_MISMATCH:
    'A new photo order must name every photo of the makerspace exactly once; details: { expected }.',

  // Cave service: invites and members
  INVITE_NOT_FOUND: 'No invite has this token: it was never issued, was altered or was resent.',
  INVITE_EXPIRED: 'The invite is more than 24 hours old; an admin of the makerspace can resend it.',
  INVITE_USED: 'The invite was already accepted; it works once.',
  INVITE_REVOKED: 'An admin of the makerspace revoked the invite.',
  INVITE_OTHER_EMAIL: 'The invite was sent to another email than the signed-in account’s.',
  INVITE_NOT_PENDING:
    'Only a pending or expired invite can be resent or revoked; details: { status }.',
  LAST_MAKERSPACE_ADMIN:
    'The change would leave the makerspace without an active admin; promote another first.',

  // Cave service: print jobs (fabrication)
  MATERIAL_UNKNOWN:
    'An offering names a material key @makrx/quoting does not list; details: { known }.',
  OFFERING_EQUIPMENT_INVALID:
    'An offering or an accepted job names a machine that is not one of this makerspace’s 3D printers in use, or has no build volume; details: { reason }.',
  OFFERING_EXISTS:
    'The makerspace already offers this material at this quality on this machine; change that offering instead.',
  JOB_NOT_OFFERED:
    'The print job is no longer waiting for this provider’s answer (accepted, passed on or expired); details: { status }.',
  JOB_STATUS_ORDER:
    'A print job’s status only moves forward: accepted → printing → quality_check → shipped → delivered; details: { status, next }.',
  JOB_SLOT_INVALID:
    'The chosen start is in the past, or the print would end after the job is due; details: { dueBy }.',
  JOB_PART_TOO_BIG: 'The part does not fit the chosen machine’s build volume in any orientation.',
  JOB_NOT_DELIVERED:
    'Only a delivered print job can be rated, by the service order it belongs to; details: { status }.',
  JOB_ALREADY_RATED: 'The print job was rated already with another rating.',
  // Cave projects
  PROJECT_NOT_FEATURABLE:
    'Only your own public projects can be featured on your profile; details: { projectIds }.',
  PROJECT_MAKERSPACE_NOT_JOINED:
    'A project can only belong to a makerspace its maker is a member of (422); details: { makerspace }.',
  COLLABORATOR_UNKNOWN: 'No MakrX account has that handle (422); details: { handle }.',
  COLLABORATOR_IS_OWNER: 'The owner of a project cannot be invited to it (422).',
  COLLABORATOR_EXISTS:
    'That person is already invited to or collaborating on the project (409); change their role instead.',
  PROJECT_INVITATION_NOT_FOUND:
    'There is no pending invitation to that project for the signed-in person (404).',
  UNSUPPORTED_FILE_TYPE:
    'A project file is not one of the kinds a project keeps, or its content is not what its extension says (415); details: { accepted }.',
  TOO_MANY_FILES: 'The project already keeps the most files it may (50); remove one first (409).',
  PROJECT_NOT_YOURS:
    'A booking can only be for a project its booker owns or edits (422); details: { project }.',
  PROJECT_ROLE_TOO_LOW:
    'The caller’s role on this project (viewer, or none on a public one) does not allow this; details: { needed, held }.',
  STORE_UNREACHABLE:
    'The store could not be reached or answered with a failure (502): it keeps a print job’s model file and analysis, and fills a BOM’s cart or order (nothing was ordered); try again shortly.',
  // Cave bills of materials
  BOM_TOO_LARGE:
    'A BOM holds at most 1000 items; the addition or import would pass that (422), and nothing was added; details: { limit, count, adding }.',
  BOM_STATUS_ORDER:
    'A BOM item’s status moves forward (needed → ordered → received) or back to needed; details: { status, next }.',
  BOM_ITEMS_NOT_ORDERABLE:
    'Some picked BOM items have no Store product code, are not needed any more, or need more than one order line takes (422); nothing was ordered; details: { items: [{ itemId, name, reason }] }.',
  CSV_INVALID:
    'The file is not a CSV file the BOM reads: not text, not parseable, empty, or without name and quantity columns (400); nothing was imported; details: { line? }.',
  CSV_TOO_LARGE:
    'The CSV file is larger than 1 MB or holds more than 1000 rows (413); nothing was imported.',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof errorCodes;

/** Whether a code read from outside (an error body, a query string) is one the catalogue lists. */
export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.hasOwn(errorCodes, value);
