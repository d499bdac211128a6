// Watches what the page really requests (Performance API resource entries) so the privacy promise can be checked.

export interface RequestRecord {
  url: string;
  offOrigin: boolean;
  initiator: string;
}

export class PrivacyMonitor {
  requests = $state.raw<RequestRecord[]>([]);

  get offOriginCount(): number {
    return this.requests.filter((request) => request.offOrigin).length;
  }

  start(): void {
    const record = (entries: PerformanceEntryList) => {
      const added = entries
        .filter((entry): entry is PerformanceResourceTiming => entry.entryType === 'resource')
        .map((entry) => ({ url: entry.name, offOrigin: isOffOrigin(entry.name), initiator: entry.initiatorType }));
      if (added.length > 0) this.requests = [...this.requests, ...added];
    };
    record(performance.getEntriesByType('resource'));
    new PerformanceObserver((list) => record(list.getEntries())).observe({ type: 'resource', buffered: false });
    performance.setResourceTimingBufferSize(10_000);
  }
}

function isOffOrigin(url: string): boolean {
  if (url.startsWith('blob:') || url.startsWith('data:')) return false;
  try {
    return new URL(url).origin !== location.origin;
  } catch {
    return true;
  }
}
