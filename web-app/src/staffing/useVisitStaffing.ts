import { useCallback } from 'react';
import { api, call } from '../api/client';
import { useLoad } from '../hooks/useLoad';

/** A visit's staffing lines from volunteer-service, loaded again when the visit changes or on `reload`. */
export function useVisitStaffing(visitId: string) {
  return useLoad(
    useCallback(
      () => call(api.volunteers.GET('/api/visits/{visitId}/staffing', { params: { path: { visitId } } })),
      [visitId],
    ),
  );
}
