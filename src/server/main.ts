import { loadConfig } from '../lib/config.ts';
import { prepareTandem } from './start.ts';

const config = loadConfig();
const { app, database } = await prepareTandem(config, { logger: true });
await app.listen({ port: config.port, host: config.host });
app.log.info(`Tandem is serving on http://localhost:${config.port} (${database.driver})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
