import { api, call } from '../../api/client';
import type { Assignment, Offer } from '../../api/types';

/** Offers a role on a programme item to a volunteer, or its team slot to a team (POST .../assignments). */
export function offerPlace(itemId: string, offer: Offer): Promise<Assignment> {
  return call(
    api.volunteers.POST('/api/programme-items/{itemId}/assignments', {
      params: { path: { itemId } },
      body: offer,
    }),
  );
}
