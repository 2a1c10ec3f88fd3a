/** The JSON body of a webhook event, as the service sends it. */
export function eventBody(id: string, type: string, dataId: string, createdAt = 1): string {
  return JSON.stringify({ id, object: "event", created_at: createdAt, type, data: { id: dataId } });
}
