import { NotFoundPanel } from '../../../components/not-found-panel';

export default function ProductNotFound() {
  return (
    <NotFoundPanel
      title="We couldn't find that product"
      description="It may have been renamed or taken out of the catalog. Everything we stock is in the catalog, sorted by category."
    />
  );
}
