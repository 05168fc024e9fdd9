import { useEffect, useEffectEvent } from 'react';
import type { EventName, Events } from '../../../common/contract';
import { api } from '../api';

/** Subscribes to one event from main for the life of the component. */
export function useApiEvent<E extends EventName>(event: E, listener: (payload: Events[E]) => void): void {
  const onEvent = useEffectEvent(listener);
  useEffect(() => api.on(event, (payload) => onEvent(payload)), [event]);
}
