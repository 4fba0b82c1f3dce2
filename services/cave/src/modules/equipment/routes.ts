import { signedInUser } from '@makrx/auth';
import {
  equipmentSlug,
  errorBody,
  machineDetail,
  machineInput,
  machineList,
  machineListQuery,
  machineStatusChange,
  machineSummary,
  machineUpdate,
  maintenanceLogEntry,
  maintenanceLogEntryInput,
  maintenanceWindow,
  maintenanceWindowInput,
} from '@makrx/contracts';
import { notFound, type FastifyPluginAsyncZod } from '@makrx/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { makerspaceCurrencyOf, makerspaceIdOf } from '../makerspaces/service';
import {
  addLogEntry,
  archiveMachine,
  cancelMaintenance,
  changeMachineStatus,
  createMachine,
  findMachine,
  listMachines,
  scheduleMaintenance,
  updateMachine,
  type EquipmentActor,
  type MachineRef,
} from './service';

/*
 * A makerspace's machines: its members read them (the matrix's read-only cell for members),
 * its admins and service providers change them (the write cell, held in the makerspace the route
 * names). A machine
 * is found only within the makerspace the route names, so another makerspace's machine is 404.
 */

const makerspaceSlug = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(120);
const spaceParams = z.object({ makerspaceSlug });
const machineParams = spaceParams.extend({ equipmentSlug });
const windowParams = machineParams.extend({ windowId: z.uuid() });

const read = { access: { feature: 'equipmentManagement', mode: 'read' } } as const;
// The access matrix's "Equipment management" row: members read; makerspace admins and the
// makerspace's service providers, who run its machines, change them.
const write = { access: { feature: 'equipmentManagement', mode: 'write' } } as const;
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const writeRefusals = { ...refusals, 409: errorBody };

const actorOf = (request: FastifyRequest): EquipmentActor => ({
  userId: signedInUser(request).userId,
  requestId: request.id,
});

export const equipmentRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The makerspace the route names, by id; one the caller may see through the guard. */
  const spaceId = async (slug: string) => {
    const id = await makerspaceIdOf(app.db, slug);
    if (!id) throw notFound(`Makerspace "${slug}"`);
    return id;
  };
  const machineRef = async (params: { makerspaceSlug: string; equipmentSlug: string }) => ({
    makerspaceId: await spaceId(params.makerspaceSlug),
    slug: params.equipmentSlug,
  });
  /** A machine answer with the currency its rate is in: the makerspace's (its settings). */
  const priced = async <T extends object>(makerspaceId: string, machine: T) => ({
    ...machine,
    currency: await makerspaceCurrencyOf(app.db, makerspaceId),
  });
  const pricedByRef = async <T extends object>(ref: MachineRef, answer: Promise<T>) =>
    priced(ref.makerspaceId, await answer);

  app.get(
    '/makerspaces/:makerspaceSlug/equipment',
    {
      config: read,
      schema: {
        tags: ['equipment'],
        summary: 'A makerspace’s machines, by type and status',
        security: [{ bearer: [] }],
        params: spaceParams,
        querystring: machineListQuery,
        response: { 200: machineList, ...refusals },
      },
    },
    async (request) => {
      const makerspaceId = await spaceId(request.params.makerspaceSlug);
      const [machines, currency] = await Promise.all([
        listMachines(app.db, makerspaceId, request.query),
        makerspaceCurrencyOf(app.db, makerspaceId),
      ]);
      return { items: machines.map((machine) => ({ ...machine, currency })) };
    },
  );

  app.get(
    '/makerspaces/:makerspaceSlug/equipment/:equipmentSlug',
    {
      config: read,
      schema: {
        tags: ['equipment'],
        summary: 'One machine with its maintenance to come and its latest log entries',
        security: [{ bearer: [] }],
        params: machineParams,
        response: { 200: machineDetail, ...refusals },
      },
    },
    async (request) => {
      const ref = await machineRef(request.params);
      return pricedByRef(ref, findMachine(app.db, ref));
    },
  );

  app.post(
    '/makerspaces/:makerspaceSlug/equipment',
    {
      config: write,
      schema: {
        tags: ['equipment'],
        summary: 'Add a machine to the makerspace',
        security: [{ bearer: [] }],
        params: spaceParams,
        body: machineInput,
        response: { 201: machineDetail, ...writeRefusals },
      },
    },
    async (request, reply) => {
      const makerspaceId = await spaceId(request.params.makerspaceSlug);
      const created = await createMachine(app.db, makerspaceId, request.body, actorOf(request));
      return reply.code(201).send(await priced(makerspaceId, created));
    },
  );

  app.patch(
    '/makerspaces/:makerspaceSlug/equipment/:equipmentSlug',
    {
      config: write,
      schema: {
        tags: ['equipment'],
        summary: 'Change a machine’s details (not its status)',
        security: [{ bearer: [] }],
        params: machineParams,
        body: machineUpdate,
        response: { 200: machineSummary, ...writeRefusals },
      },
    },
    async (request) => {
      const ref = await machineRef(request.params);
      return pricedByRef(ref, updateMachine(app.db, ref, request.body, actorOf(request)));
    },
  );

  app.post(
    '/makerspaces/:makerspaceSlug/equipment/:equipmentSlug/archive',
    {
      config: write,
      schema: {
        tags: ['equipment'],
        summary: 'Archive a machine: out of use for good, its history kept',
        security: [{ bearer: [] }],
        params: machineParams,
        response: { 200: machineSummary, ...writeRefusals },
      },
    },
    async (request) => {
      const ref = await machineRef(request.params);
      return pricedByRef(ref, archiveMachine(app.db, ref, actorOf(request)));
    },
  );

  app.put(
    '/makerspaces/:makerspaceSlug/equipment/:equipmentSlug/status',
    {
      config: write,
      schema: {
        tags: ['equipment'],
        summary: 'Set a machine’s status (available, in use, maintenance, offline)',
        security: [{ bearer: [] }],
        params: machineParams,
        body: machineStatusChange,
        response: { 200: machineSummary, ...writeRefusals },
      },
    },
    async (request) => {
      const ref = await machineRef(request.params);
      return pricedByRef(ref, changeMachineStatus(app.db, ref, request.body, actorOf(request)));
    },
  );

  app.post(
    '/makerspaces/:makerspaceSlug/equipment/:equipmentSlug/maintenance-log',
    {
      config: write,
      schema: {
        tags: ['equipment'],
        summary: 'Record maintenance done on a machine',
        security: [{ bearer: [] }],
        params: machineParams,
        body: maintenanceLogEntryInput,
        response: { 201: maintenanceLogEntry, ...writeRefusals },
      },
    },
    async (request, reply) => {
      const entry = await addLogEntry(
        app.db,
        await machineRef(request.params),
        request.body,
        actorOf(request),
      );
      return reply.code(201).send(entry);
    },
  );

  app.post(
    '/makerspaces/:makerspaceSlug/equipment/:equipmentSlug/maintenance-windows',
    {
      config: write,
      schema: {
        tags: ['equipment'],
        summary: 'Schedule maintenance; the machine cannot be booked during it',
        security: [{ bearer: [] }],
        params: machineParams,
        body: maintenanceWindowInput,
        response: { 201: maintenanceWindow, ...writeRefusals },
      },
    },
    async (request, reply) => {
      const window = await scheduleMaintenance(
        app.db,
        await machineRef(request.params),
        request.body,
        actorOf(request),
      );
      return reply.code(201).send(window);
    },
  );

  app.delete(
    '/makerspaces/:makerspaceSlug/equipment/:equipmentSlug/maintenance-windows/:windowId',
    {
      config: write,
      schema: {
        tags: ['equipment'],
        summary: 'Cancel scheduled maintenance that has not ended',
        security: [{ bearer: [] }],
        params: windowParams,
        response: { 204: z.null(), ...writeRefusals },
      },
    },
    async (request, reply) => {
      await cancelMaintenance(
        app.db,
        await machineRef(request.params),
        request.params.windowId,
        actorOf(request),
      );
      return reply.code(204).send(null);
    },
  );
};
