import { packageConfig } from './base.mjs';

// Name sanitizing of every exported metric and Accept-header negotiation.
export default packageConfig('backend-prometheus', [
  'src/exposition/prometheusName.ts',
  'src/exposition/contentNegotiation.ts',
]);
