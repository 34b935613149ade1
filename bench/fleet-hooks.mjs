// Lets tsx scripts import server modules: `server-only` resolves to an empty module here (as Vitest
// aliases it), without `--conditions=react-server`, which would also switch React to its server build
// and break next/navigation.
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,export{}', shortCircuit: true, format: 'module' };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
