// What the delivery log shows: a summary per delivery, and for one delivery its stored
// headers (credentials already redacted at ingestion) and payload.
type DeliveryRow = {
  id: string;
  deliveryId: string;
  eventType: string;
  action: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
  processedAt: Date | null;
};

export function presentDelivery(row: DeliveryRow) {
  return {
    id: row.id,
    deliveryId: row.deliveryId,
    eventType: row.eventType,
    action: row.action,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    receivedAt: row.receivedAt,
    processedAt: row.processedAt,
  };
}

export function presentDeliveryDetail(row: DeliveryRow & { headers: unknown; payload: unknown }) {
  return { ...presentDelivery(row), headers: row.headers, payload: row.payload };
}
