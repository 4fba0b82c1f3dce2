import {
  AppError,
  type AcceptJobBody,
  type JobRatingBody,
  type JobStatusChange,
  type ProviderEarnings,
  type ProviderJob,
  type RoutedServiceOrder,
  type RouteServiceOrderBody,
  type ServiceJobStatus,
} from '@makrx/contracts';
import { recordAudit, recordAuditBy, type AuditRequester, type Database } from '@makrx/db';
import { publishEvent } from '@makrx/events';
import { fitsBuildVolume, roundHalfUp } from '@makrx/quoting';
import { conflict, notFound, requestNotification } from '@makrx/service-kit';
import { and, asc, desc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { printersWhere } from '../equipment/service';
import { makerspacesById } from '../makerspaces/service';
import { listMembers } from '../memberships/service';
import {
  holdMachineForJob,
  isSlotOverlap,
  slotTakenRefusal,
  slotsById,
} from '../reservations/service';
import { DEFAULT_PLATFORM_FEE_BPS, settingsOf } from './offerings';
import { earliestStartOn, rankCandidates } from './routing';
import { serviceJobOffers, serviceJobs } from './tables';

type JobRow = typeof serviceJobs.$inferSelect;

/** The forward order of a job's work once accepted. */
const progress = ['accepted', 'printing', 'quality_check', 'shipped', 'delivered'] as const;

/** The job's change, published for the store (its consumer reports it there). */
async function publishChange(
  tx: Database,
  job: Pick<JobRow, 'id' | 'serviceOrderId'>,
  change: {
    status: ServiceJobStatus;
    provider: { makerspaceId: string; name: string } | null;
    reason?: string | null;
    trackingUrl?: string | null;
  },
) {
  await publishEvent(tx, {
    type: 'cave.service-job.changed',
    source: 'cave',
    payload: {
      updateId: randomUUID(),
      serviceOrderId: job.serviceOrderId,
      jobId: job.id,
      status: change.status,
      provider: change.provider,
      reason: change.reason ?? null,
      trackingUrl: change.trackingUrl ?? null,
      at: new Date().toISOString(),
    },
  });
}

async function providerOf(db: Database, makerspaceId: string) {
  const [space] = await makerspacesById(db, [makerspaceId]);
  return { makerspaceId, name: space?.name ?? '' };
}

const auditJob = (
  tx: Database,
  actor: AuditRequester | null,
  action: string,
  jobId: string,
  change: { before?: unknown; after?: unknown },
) =>
  actor
    ? recordAuditBy(tx, actor, {
        service: 'cave',
        action,
        entityType: 'service_job',
        entityId: jobId,
        ...change,
      })
    : recordAudit(tx, {
        service: 'cave',
        action,
        entityType: 'service_job',
        entityId: jobId,
        actorId: null,
        requestId: null,
        ...change,
      });

/**
 * Offers the job to the best qualified provider not asked yet, in the caller's transaction
 * (the job row locked): an offer row, the job `offered` until the provider's window closes, the
 * change published and the provider's service providers notified. None left: `unroutable`.
 */
async function offerToNext(tx: Database, job: JobRow): Promise<void> {
  const asked = await tx
    .select({ makerspaceId: serviceJobOffers.makerspaceId })
    .from(serviceJobOffers)
    .where(eq(serviceJobOffers.jobId, job.id));
  const [next] = await rankCandidates(
    tx,
    job.request,
    asked.map((a) => a.makerspaceId),
  );
  if (!next) {
    const reason =
      asked.length === 0
        ? 'No provider offers this material and quality on a printer that fits the part with time before the due date.'
        : 'Every qualified provider declined the job or let it pass.';
    await tx
      .update(serviceJobs)
      .set({
        status: 'unroutable',
        makerspaceId: null,
        equipmentId: null,
        respondBy: null,
        reason,
        updatedAt: new Date(),
      })
      .where(eq(serviceJobs.id, job.id));
    await auditJob(tx, null, 'service-job.unroutable', job.id, { after: { reason } });
    await publishChange(tx, job, { status: 'unroutable', provider: null, reason });
    return;
  }
  const respondBy = new Date(Date.now() + next.responseWindowMinutes * 60 * 1000);
  await tx.insert(serviceJobOffers).values({
    jobId: job.id,
    makerspaceId: next.makerspaceId,
    offeringId: next.offeringId,
    equipmentId: next.equipmentId,
    respondBy,
  });
  await tx
    .update(serviceJobs)
    .set({
      status: 'offered',
      makerspaceId: next.makerspaceId,
      equipmentId: next.equipmentId,
      respondBy,
      updatedAt: new Date(),
    })
    .where(eq(serviceJobs.id, job.id));
  await auditJob(tx, null, 'service-job.offered', job.id, {
    after: { makerspaceId: next.makerspaceId, equipmentId: next.equipmentId, respondBy },
  });
  await publishChange(tx, job, {
    status: 'offered',
    provider: { makerspaceId: next.makerspaceId, name: next.name },
  });
  const providers = (await listMembers(tx, next.makerspaceId)).filter(
    (m) => m.status === 'active' && m.roles.includes('service_provider'),
  );
  for (const provider of providers) {
    await requestNotification(tx, 'cave', {
      userId: provider.userId,
      kind: 'makerspace.update',
      title: `New print job ${job.orderNumber}`,
      body: `${job.request.requirements.quantity} × ${job.request.file.name} in ${job.request.requirements.materialKey} (${job.request.requirements.quality}) on ${next.machineName}. Accept or reject by ${respondBy.toISOString()}.`,
    });
  }
}

async function routedAnswer(db: Database, jobId: string): Promise<RoutedServiceOrder> {
  const [job] = await db.select().from(serviceJobs).where(eq(serviceJobs.id, jobId));
  return {
    serviceOrderId: job!.serviceOrderId,
    jobId: job!.id,
    status: job!.status,
    provider: job!.makerspaceId ? await providerOf(db, job!.makerspaceId) : null,
  };
}

/**
 * Routes a paid print order (the store's call): the first time, a job offered to the best
 * provider (or unroutable); every time after, the same job as it stands. Two calls at once
 * meet at the unique service order id: the second waits for the first and answers its job.
 */
export async function routeServiceOrder(
  db: Database,
  request: RouteServiceOrderBody,
): Promise<{ created: boolean; routed: RoutedServiceOrder }> {
  const createdId = await db.transaction(async (tx) => {
    const [job] = await tx
      .insert(serviceJobs)
      .values({
        serviceOrderId: request.serviceOrderId,
        orderNumber: request.orderNumber,
        request,
        status: 'unroutable',
        priceTotal: request.price.total,
        currency: request.price.currency,
      })
      .onConflictDoNothing({ target: serviceJobs.serviceOrderId })
      .returning();
    if (!job) return null;
    await auditJob(tx, null, 'service-job.received', job.id, {
      after: { serviceOrderId: request.serviceOrderId, orderNumber: request.orderNumber },
    });
    await offerToNext(tx, job);
    return job.id;
  });
  if (createdId) return { created: true, routed: await routedAnswer(db, createdId) };
  const [existing] = await db
    .select({ id: serviceJobs.id })
    .from(serviceJobs)
    .where(eq(serviceJobs.serviceOrderId, request.serviceOrderId));
  return { created: false, routed: await routedAnswer(db, existing!.id) };
}

/** The job a provider's route names, locked; one never offered to this makerspace is 404. */
async function lockedJobOf(tx: Database, makerspaceId: string, jobId: string) {
  const [offer] = await tx
    .select({ id: serviceJobOffers.id })
    .from(serviceJobOffers)
    .where(and(eq(serviceJobOffers.jobId, jobId), eq(serviceJobOffers.makerspaceId, makerspaceId)));
  if (!offer) throw notFound('Print job');
  const [job] = await tx.select().from(serviceJobs).where(eq(serviceJobs.id, jobId)).for('update');
  return { job: job!, offerId: offer.id };
}

/** Refuses a job that is not waiting for this provider's answer now. */
function refuseUnlessOffered(job: JobRow, makerspaceId: string) {
  const open =
    job.status === 'offered' &&
    job.makerspaceId === makerspaceId &&
    job.respondBy !== null &&
    job.respondBy.getTime() > Date.now();
  if (!open) {
    const status = job.makerspaceId === makerspaceId ? job.status : 'passed_on';
    throw conflict('JOB_NOT_OFFERED', 'This print job is no longer waiting for your answer.', {
      status,
    });
  }
}

/**
 * The provider accepts: the machine's time is held in its calendar (the reservations table,
 * under the exclusion constraint members' bookings share), the job is `accepted` and the fee
 * agreed. A slot that overlaps anything answers 409 SLOT_TAKEN and the job stays offered.
 */
export async function acceptJob(
  db: Database,
  makerspaceId: string,
  jobId: string,
  body: AcceptJobBody,
  actor: AuditRequester,
): Promise<ProviderJob> {
  let machine: { id: string; name: string } | undefined;
  let slot: { startsAt: string; endsAt: string } | undefined;
  try {
    await db.transaction(async (tx) => {
      const { job, offerId } = await lockedJobOf(tx, makerspaceId, jobId);
      refuseUnlessOffered(job, makerspaceId);
      const { requirements } = job.request;
      const machineId = body.equipmentId ?? job.equipmentId;
      const [printer] = machineId ? await printersWhere(tx, { ids: [machineId] }) : [];
      const refuse = (reason: string) =>
        new AppError(422, 'OFFERING_EQUIPMENT_INVALID', reason, { reason });
      if (!printer || printer.makerspaceId !== makerspaceId) {
        throw refuse('The machine is not one of this makerspace’s machines.');
      }
      if (printer.type !== '3d_printer' || printer.archived || !printer.buildVolumeMm) {
        throw refuse(`"${printer.name}" is not a 3D printer in use with a build volume.`);
      }
      const part = {
        volumeMm3: requirements.volumeMm3,
        surfaceAreaMm2: 0,
        boundingBoxMm: requirements.partSizeMm,
      };
      const fit = fitsBuildVolume(part, {
        name: printer.name,
        buildVolumeMm: printer.buildVolumeMm,
      });
      if (!fit.fits) throw new AppError(422, 'JOB_PART_TOO_BIG', fit.reason);
      const dueBy = Date.parse(requirements.dueBy);
      const startsAt =
        body.startsAt ?? (await earliestStartOn(tx, printer, requirements.printMinutes, dueBy));
      const start = startsAt ? Date.parse(startsAt) : NaN;
      const end = start + requirements.printMinutes * 60 * 1000;
      if (!startsAt || start < Date.now() - 60 * 1000 || end > dueBy) {
        throw new AppError(
          422,
          'JOB_SLOT_INVALID',
          startsAt
            ? 'The print must start from now on and end before the job is due.'
            : 'No free time is left on this machine before the job is due.',
          { dueBy: requirements.dueBy },
        );
      }
      machine = { id: printer.id, name: printer.name };
      slot = { startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() };
      const reservationId = await holdMachineForJob(
        tx,
        {
          equipmentId: printer.id,
          makerspaceId,
          serviceJobId: job.id,
          machineName: printer.name,
          ...slot,
        },
        actor,
      );
      const fee =
        (await settingsOf(tx, [makerspaceId])).get(makerspaceId)?.platformFeeBps ??
        DEFAULT_PLATFORM_FEE_BPS;
      const now = new Date();
      await tx
        .update(serviceJobs)
        .set({
          status: 'accepted',
          equipmentId: printer.id,
          reservationId,
          acceptedAt: now,
          platformFeeBps: fee,
          respondBy: null,
          updatedAt: now,
        })
        .where(eq(serviceJobs.id, job.id));
      await tx
        .update(serviceJobOffers)
        .set({ status: 'accepted', answeredAt: now, equipmentId: printer.id })
        .where(eq(serviceJobOffers.id, offerId));
      await auditJob(tx, actor, 'service-job.accepted', job.id, {
        before: { status: job.status },
        after: { status: 'accepted', equipmentId: printer.id, ...slot, platformFeeBps: fee },
      });
      await publishChange(tx, job, {
        status: 'accepted',
        provider: await providerOf(tx, makerspaceId),
      });
    });
  } catch (err) {
    if (machine && slot && isSlotOverlap(err)) throw await slotTakenRefusal(db, machine, slot);
    throw err;
  }
  return providerJobOf(db, makerspaceId, jobId);
}

/** The provider says no, with a reason: the job goes to the next qualified provider. */
export async function rejectJob(
  db: Database,
  makerspaceId: string,
  jobId: string,
  reason: string,
  actor: AuditRequester,
): Promise<ProviderJob> {
  await db.transaction(async (tx) => {
    const { job, offerId } = await lockedJobOf(tx, makerspaceId, jobId);
    refuseUnlessOffered(job, makerspaceId);
    await tx
      .update(serviceJobOffers)
      .set({ status: 'rejected', reason, answeredAt: new Date() })
      .where(eq(serviceJobOffers.id, offerId));
    await tx
      .update(serviceJobs)
      .set({ reason, updatedAt: new Date() })
      .where(eq(serviceJobs.id, job.id));
    await auditJob(tx, actor, 'service-job.rejected', job.id, {
      before: { status: job.status, makerspaceId },
      after: { status: 'rejected', reason },
    });
    await publishChange(tx, job, {
      status: 'rejected',
      provider: await providerOf(tx, makerspaceId),
      reason,
    });
    await offerToNext(tx, job);
  });
  return providerJobOf(db, makerspaceId, jobId);
}

/**
 * Offers nobody answered within the provider's window expire, each job going to the next
 * provider (the background job, every minute). Rows another run holds are skipped, so two
 * instances never pass one job on twice. Returns how many expired.
 */
export async function expireOffers(db: Database, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(serviceJobs)
      .where(and(eq(serviceJobs.status, 'offered'), lt(serviceJobs.respondBy, now)))
      .orderBy(asc(serviceJobs.respondBy))
      .limit(100)
      .for('update', { skipLocked: true });
    for (const job of due) {
      await tx
        .update(serviceJobOffers)
        .set({ status: 'expired', answeredAt: now })
        .where(
          and(
            eq(serviceJobOffers.jobId, job.id),
            eq(serviceJobOffers.makerspaceId, job.makerspaceId!),
            eq(serviceJobOffers.status, 'offered'),
          ),
        );
      await auditJob(tx, null, 'service-job.expired', job.id, {
        before: { status: 'offered', makerspaceId: job.makerspaceId },
        after: { status: 'expired' },
      });
      await publishChange(tx, job, {
        status: 'expired',
        provider: await providerOf(tx, job.makerspaceId!),
        reason: 'The provider did not answer in time.',
      });
      await offerToNext(tx, job);
    }
    return due.length;
  });
}

/** The provider moves its job on: printing → quality check → shipped → delivered, forward only. */
export async function changeJobStatus(
  db: Database,
  makerspaceId: string,
  jobId: string,
  change: JobStatusChange,
  actor: AuditRequester,
): Promise<ProviderJob> {
  await db.transaction(async (tx) => {
    const { job } = await lockedJobOf(tx, makerspaceId, jobId);
    const from = progress.indexOf(job.status as (typeof progress)[number]);
    const to = progress.indexOf(change.status);
    if (job.makerspaceId !== makerspaceId || from < 0 || to <= from) {
      throw conflict(
        'JOB_STATUS_ORDER',
        `A job that is ${job.status.replace('_', ' ')} cannot become ${change.status.replace('_', ' ')}.`,
        { status: job.status, next: change.status },
      );
    }
    const trackingUrl = change.status === 'shipped' ? change.trackingUrl : job.trackingUrl;
    await tx
      .update(serviceJobs)
      .set({ status: change.status, trackingUrl, updatedAt: new Date() })
      .where(eq(serviceJobs.id, job.id));
    await auditJob(tx, actor, 'service-job.status-changed', job.id, {
      before: { status: job.status },
      after: { status: change.status, trackingUrl },
    });
    await publishChange(tx, job, {
      status: change.status,
      provider: await providerOf(tx, makerspaceId),
      trackingUrl,
    });
  });
  return providerJobOf(db, makerspaceId, jobId);
}

/**
 * The customer's rating of a delivered job, sent by the store for the service order the job
 * belongs to. The same rating again changes nothing; another rating of a rated job is refused.
 */
export async function rateJob(db: Database, jobId: string, body: JobRatingBody) {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .select()
      .from(serviceJobs)
      .where(eq(serviceJobs.id, jobId))
      .for('update');
    if (!job || job.serviceOrderId !== body.serviceOrderId) throw notFound('Print job');
    const answer = { jobId: job.id, stars: body.stars, comment: body.comment };
    if (job.rating !== null) {
      if (job.rating === body.stars && job.ratingComment === body.comment) return answer;
      throw conflict('JOB_ALREADY_RATED', 'This print job was rated already.', {
        stars: job.rating,
      });
    }
    if (job.status !== 'delivered') {
      throw conflict('JOB_NOT_DELIVERED', 'Only a delivered print job can be rated.', {
        status: job.status,
      });
    }
    const now = new Date();
    await tx
      .update(serviceJobs)
      .set({ rating: body.stars, ratingComment: body.comment, ratedAt: now, updatedAt: now })
      .where(eq(serviceJobs.id, job.id));
    return answer;
  });
}

/** Jobs offered to a makerspace, newest offer first, as its service providers see them. */
export async function providerJobs(
  db: Database,
  makerspaceId: string,
  onlyJobId?: string,
): Promise<ProviderJob[]> {
  const rows = await db
    .select({ job: serviceJobs, offer: serviceJobOffers })
    .from(serviceJobOffers)
    .innerJoin(serviceJobs, eq(serviceJobs.id, serviceJobOffers.jobId))
    .where(
      and(
        eq(serviceJobOffers.makerspaceId, makerspaceId),
        onlyJobId ? eq(serviceJobs.id, onlyJobId) : undefined,
      ),
    )
    .orderBy(desc(serviceJobOffers.offeredAt))
    .limit(200);
  const machineIds = rows.flatMap(({ job, offer }) =>
    [offer.equipmentId, job.equipmentId].filter((id): id is string => id !== null),
  );
  const machines = new Map((await printersWhere(db, { ids: machineIds })).map((p) => [p.id, p]));
  const slots = await slotsById(
    db,
    rows.map((r) => r.job.reservationId).filter((id): id is string => id !== null),
  );
  return Promise.all(
    rows.map(async ({ job, offer }) => {
      const withUs = offer.status === 'offered' || offer.status === 'accepted';
      const status: ServiceJobStatus = withUs ? job.status : offer.status;
      const machineId = withUs ? (job.equipmentId ?? offer.equipmentId) : offer.equipmentId;
      const machine = machineId ? machines.get(machineId) : undefined;
      const { requirements } = job.request;
      const open = withUs && job.status === 'offered';
      return {
        id: job.id,
        orderNumber: job.orderNumber,
        status,
        respondBy: open && job.respondBy ? job.respondBy.toISOString() : null,
        customerName: job.request.customer.name,
        file: job.request.file,
        materialKey: requirements.materialKey,
        quality: requirements.quality,
        quantity: requirements.quantity,
        partSizeMm: requirements.partSizeMm,
        volumeMm3: requirements.volumeMm3,
        printMinutes: requirements.printMinutes,
        dueBy: new Date(requirements.dueBy).toISOString(),
        price: { total: job.priceTotal, currency: job.currency },
        machine: machine ? { equipmentId: machine.id, name: machine.name } : null,
        slot: withUs && job.reservationId ? (slots.get(job.reservationId) ?? null) : null,
        suggestedStart:
          open && machine
            ? await earliestStartOn(
                db,
                machine,
                requirements.printMinutes,
                Date.parse(requirements.dueBy),
              )
            : null,
        reason: offer.reason,
        trackingUrl: withUs ? job.trackingUrl : null,
        offeredAt: offer.offeredAt.toISOString(),
      };
    }),
  );
}

export async function providerJobOf(
  db: Database,
  makerspaceId: string,
  jobId: string,
): Promise<ProviderJob> {
  const [job] = await providerJobs(db, makerspaceId, jobId);
  if (!job) throw notFound('Print job');
  return job;
}

/**
 * What each job the makerspace accepted paid, the platform's fee (its basis points when
 * accepted, rounded half up) and what it is owed; totals per currency.
 */
export async function providerEarnings(
  db: Database,
  makerspaceId: string,
): Promise<ProviderEarnings> {
  const rows = await db
    .select()
    .from(serviceJobs)
    .where(
      and(
        eq(serviceJobs.makerspaceId, makerspaceId),
        isNotNull(serviceJobs.acceptedAt),
        inArray(serviceJobs.status, [...progress]),
      ),
    )
    .orderBy(desc(serviceJobs.acceptedAt));
  const items = rows.map((job) => {
    const bps = job.platformFeeBps ?? DEFAULT_PLATFORM_FEE_BPS;
    const platformFee = roundHalfUp((job.priceTotal * bps) / 10_000);
    return {
      jobId: job.id,
      orderNumber: job.orderNumber,
      status: job.status,
      acceptedAt: job.acceptedAt!.toISOString(),
      currency: job.currency,
      paidTotal: job.priceTotal,
      platformFeeBps: bps,
      platformFee,
      owed: job.priceTotal - platformFee,
    };
  });
  const totals = new Map<
    string,
    { currency: string; paidTotal: number; platformFee: number; owed: number }
  >();
  for (const item of items) {
    const total = totals.get(item.currency) ?? {
      currency: item.currency,
      paidTotal: 0,
      platformFee: 0,
      owed: 0,
    };
    total.paidTotal += item.paidTotal;
    total.platformFee += item.platformFee;
    total.owed += item.owed;
    totals.set(item.currency, total);
  }
  return {
    items,
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

/**
 * The store's print order behind a job the makerspace works from: one offered to it now, or
 * accepted by it. A job it rejected or let expire went to another provider, so it is as absent
 * as one never offered (404), and so is another makerspace's.
 */
export async function serviceOrderOfProviderJob(
  db: Database,
  makerspaceId: string,
  jobId: string,
): Promise<{ serviceOrderId: string; file: RouteServiceOrderBody['file'] }> {
  const [row] = await db
    .select({ serviceOrderId: serviceJobs.serviceOrderId, request: serviceJobs.request })
    .from(serviceJobOffers)
    .innerJoin(serviceJobs, eq(serviceJobs.id, serviceJobOffers.jobId))
    .where(
      and(
        eq(serviceJobOffers.jobId, jobId),
        eq(serviceJobOffers.makerspaceId, makerspaceId),
        inArray(serviceJobOffers.status, ['offered', 'accepted']),
      ),
    );
  if (!row) throw notFound('Print job');
  return { serviceOrderId: row.serviceOrderId, file: row.request.file };
}
