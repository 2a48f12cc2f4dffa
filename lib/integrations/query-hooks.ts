// TanStack Query hooks of the integrations console, over the fetchers and keys of
// queries.ts. Mutations invalidate the exact keys their change affects. The delivery log
// polls every 2 s (TanStack Query pauses polling while the tab is hidden).
import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "../api-client";
import * as api from "./queries";
import { integrationKeys as keys, type ConnectInput, type ConnectionItem, type ConnectionsList, type DeliveryStatus, type ResourceKind, type RuleInput } from "./queries";
import type { Provider } from "./types";

export const DELIVERY_POLL_MS = 2_000;
const CONNECTION_POLL_MS = 5_000;

export function useConnections(slug: string, initialData?: ConnectionsList) {
  return useQuery({ queryKey: keys.list(slug), queryFn: () => api.fetchConnections(slug), initialData });
}

export function useConnection(slug: string, id: string, initialData?: ConnectionItem) {
  return useQuery({ queryKey: keys.detail(slug, id), queryFn: () => api.fetchConnection(slug, id), initialData, refetchInterval: CONNECTION_POLL_MS });
}

/** `poll`: while a sync runs; "until-found": until the first resources arrive. */
export function useResources(slug: string, id: string, kind: ResourceKind | "", options: { poll?: boolean | "until-found"; enabled?: boolean } = {}) {
  return useQuery({
    queryKey: keys.resources(slug, id, kind),
    queryFn: () => api.fetchResources(slug, id, kind),
    enabled: options.enabled ?? true,
    refetchInterval: (query) => (options.poll === true || (options.poll === "until-found" && !query.state.data?.items.length) ? DELIVERY_POLL_MS : false),
  });
}

/** One kind of resource across several connections (the rule editor's pickers), merged by name. */
export function useResourcesOf(slug: string, connectionIds: string[], kind: ResourceKind) {
  return useQueries({
    queries: connectionIds.map((id) => ({ queryKey: keys.resources(slug, id, kind), queryFn: () => api.fetchResources(slug, id, kind) })),
    combine: (results) => ({
      names: [...new Set(results.flatMap((result) => result.data?.items.map((item) => item.name) ?? []))].sort(),
      isPending: results.some((result) => result.isPending),
    }),
  });
}

export function useDeliveries(slug: string, id: string, status: DeliveryStatus | "") {
  return useInfiniteQuery({
    queryKey: keys.deliveries(slug, id, status),
    queryFn: ({ pageParam }) => api.fetchDeliveries(slug, id, status, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: DELIVERY_POLL_MS,
  });
}

export function useDelivery(slug: string, id: string, deliveryId: string) {
  return useQuery({
    queryKey: keys.delivery(slug, id, deliveryId),
    queryFn: () => api.fetchDelivery(slug, id, deliveryId),
    // Keep polling until the delivery reaches a final state.
    refetchInterval: (query) => (["processed", "dead"].includes(query.state.data?.status ?? "") ? false : DELIVERY_POLL_MS),
  });
}

export function useActivity(slug: string, source: string) {
  return useInfiniteQuery({
    queryKey: keys.activity(slug, source),
    queryFn: ({ pageParam }) => api.fetchActivity(slug, source, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: CONNECTION_POLL_MS,
  });
}

export function useRules(slug: string) {
  return useQuery({ queryKey: keys.rules(slug), queryFn: () => api.fetchRules(slug) });
}

/** Token and key connects. The new webhook secret is parked under its key for the connection page to show once. */
export function useConnect(slug: string) {
  const client = useQueryClient();
  return useMutation<{ connection: ConnectionItem; webhookSecret: string }, ApiError, ConnectInput>({
    mutationFn: (body) => api.connectRequest(slug, body),
    onSuccess: ({ connection, webhookSecret }) => {
      client.setQueryData(keys.newWebhookSecret(slug, connection.id), webhookSecret);
      client.setQueryData(keys.detail(slug, connection.id), connection);
      void client.invalidateQueries({ queryKey: keys.list(slug), exact: true });
    },
  });
}

/** OAuth and app-install connects: the API answers with the provider's URL; the browser goes there. */
export function useStartOAuth(slug: string) {
  return useMutation<{ url: string }, ApiError, { provider: Provider; baseUrl?: string; name?: string }>({
    mutationFn: ({ provider, ...body }) => api.startOAuthRequest(slug, provider, body),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}

function useConnectionChange<T, V = void>(slug: string, id: string, mutationFn: (variables: V) => Promise<T>, also: (client: ReturnType<typeof useQueryClient>) => void = () => {}) {
  const client = useQueryClient();
  return useMutation<T, ApiError, V>({
    mutationFn,
    onSettled: () => {
      void client.invalidateQueries({ queryKey: keys.detail(slug, id), exact: true });
      void client.invalidateQueries({ queryKey: keys.list(slug), exact: true });
      also(client);
    },
  });
}

export const useCheckConnection = (slug: string, id: string) => useConnectionChange(slug, id, () => api.checkRequest(slug, id));
export const useRotateWebhookSecret = (slug: string, id: string) => useConnectionChange(slug, id, () => api.rotateWebhookSecretRequest(slug, id));
export const useSetWebhookSecret = (slug: string, id: string) => useConnectionChange(slug, id, (secret: string) => api.setWebhookSecretRequest(slug, id, secret));
export const useUpdateConnection = (slug: string, id: string) =>
  useConnectionChange(slug, id, (body: api.ConnectionChange) => api.updateConnectionRequest(slug, id, body));
export const useSyncConnection = (slug: string, id: string) =>
  useConnectionChange(slug, id, () => api.syncRequest(slug, id), (client) => void client.invalidateQueries({ queryKey: keys.allResources(slug, id) }));

export function useDisconnect(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation<unknown, ApiError>({
    mutationFn: () => api.disconnectRequest(slug, id),
    onSuccess: () => {
      client.removeQueries({ queryKey: keys.connection(slug, id) });
      void client.invalidateQueries({ queryKey: keys.list(slug), exact: true });
    },
  });
}

export function useRedeliver(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation<unknown, ApiError, string>({
    mutationFn: (deliveryId) => api.redeliverRequest(slug, id, deliveryId),
    onSettled: (_data, _error, deliveryId) => {
      void client.invalidateQueries({ queryKey: keys.allDeliveries(slug, id) });
      void client.invalidateQueries({ queryKey: keys.delivery(slug, id, deliveryId), exact: true });
    },
  });
}

export function useRuleChanges(slug: string) {
  const client = useQueryClient();
  const onSettled = () => void client.invalidateQueries({ queryKey: keys.rules(slug), exact: true });
  return {
    create: useMutation<unknown, ApiError, RuleInput>({ mutationFn: (body) => api.createRuleRequest(slug, body), onSettled }),
    update: useMutation<unknown, ApiError, { ruleId: string; body: Partial<RuleInput> }>({ mutationFn: ({ ruleId, body }) => api.updateRuleRequest(slug, ruleId, body), onSettled }),
    remove: useMutation<unknown, ApiError, string>({ mutationFn: (ruleId) => api.deleteRuleRequest(slug, ruleId), onSettled }),
  };
}
