import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../common/platform/common.schemas';
import {
  cancelTaskSchema,
  completeTaskSchema,
  createTaskSchema,
  taskListQuery,
  taskPageSchema,
  taskSchema,
} from '../../../common/crm/task.schemas';
import { requireActor } from '../../platform/auth';
import { problemResponses } from '../../platform/openapi';
import { runWrite } from '../../platform/write';
import { cancelTask, completeTask, createTask, listTasks } from './task.service';

const idParams = z.strictObject({ id: idSchema });

/** Follow-up tasks: the to-do half of "my day". */
export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['tasks'];
  app.get(
    '/api/v1/tasks',
    {
      schema: {
        tags,
        summary: 'Follow-up tasks in reach (mine, due today, overdue), soonest first',
        querystring: taskListQuery,
        response: { 200: taskPageSchema, ...problemResponses },
      },
    },
    async (request) => listTasks(app.ctx.handle.db, requireActor(request), request.query),
  );
  app.post(
    '/api/v1/tasks',
    {
      schema: {
        tags,
        summary: 'A follow-up: call, message, visit or care visit by a due time',
        body: createTaskSchema,
        response: { 201: taskSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => {
        const task = await createTask(trx, actor, request.body);
        return { status: 201, body: task, location: `/api/v1/tasks/${task.id}` };
      });
    },
  );
  app.post(
    '/api/v1/tasks/:id/complete',
    {
      schema: {
        tags,
        summary: 'Done, with the outcome',
        params: idParams,
        body: completeTaskSchema,
        response: { 200: taskSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await completeTask(trx, actor, request.params.id, request.body),
      }));
    },
  );
  app.post(
    '/api/v1/tasks/:id/cancel',
    {
      schema: {
        tags,
        summary: 'No longer needed',
        params: idParams,
        body: cancelTaskSchema,
        response: { 200: taskSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return runWrite(request, reply, actor, async (trx) => ({
        status: 200,
        body: await cancelTask(trx, actor, request.params.id, request.body.version),
      }));
    },
  );
};
