// GET /readiness: 200 or 503 with a JSON body saying why, never cached. In place of Yoga's
// useReadinessCheck, which also tests a URLPattern against every other request's URL (about
// 1 % of the gateway's CPU on the flat page) and answers any path that merely ends in
// "/readiness" (`/graphql?x=/readiness` included); this one answers its path only.
import type { Plugin } from 'graphql-yoga';

export const READINESS_PATH = '/readiness';

export function useReadiness(state: () => { ready: boolean; body: string }): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== READINESS_PATH) return;
      const { ready, body } = state();
      const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
      endResponse(new fetchAPI.Response(body, { status: ready ? 200 : 503, headers }));
    },
  };
}
