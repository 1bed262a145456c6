import { type ExampleServices, startExampleServices } from '@switchyard-examples/services';
import type { Logger } from 'pino';

/** Where the example flows call the stand-ins: listed in the HTTP guard's allow list whenever `pnpm start` runs them. */
export const exampleServicesHost = (port: number) => `127.0.0.1:${port}`;

/**
 * The stand-in logistics and billing services the example flows call, so a ticket posted to
 * `pnpm start` is answered end to end. A port already taken (a real service there, or a
 * second server) is no reason not to start: the flows then call whatever listens there.
 */
export async function startLocalExampleServices(logger: Logger, port?: number): Promise<ExampleServices | undefined> {
  try {
    const services = await startExampleServices(port);
    logger.info({ url: services.url }, 'example logistics and billing services are serving (SWITCHYARD_EXAMPLE_SERVICES=0 turns them off)');
    return services;
  } catch (error) {
    logger.warn({ err: error }, 'example services not started: their port is taken (SWITCHYARD_EXAMPLE_SERVICES_PORT picks another)');
    return undefined;
  }
}
