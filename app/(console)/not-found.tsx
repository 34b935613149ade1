import { NotFoundPanel } from '@/components/shell/not-found-panel';

/** Rendered inside the console shell when a console page calls notFound(). */
export default function ConsoleNotFound() {
  return <NotFoundPanel variant="console" />;
}
