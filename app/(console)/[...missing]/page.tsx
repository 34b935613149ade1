import { notFound } from 'next/navigation';

// Unknown console URLs render the 404 inside the shell (signed in) instead of a bare page.
export default function MissingConsolePage() {
  notFound();
}
