import { useEffect, useState } from 'react';
import { api } from './api';

export function App() {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    void api['library.list']({ sort: 'date', offset: 0, limit: 1 }).then((r) => r.ok && setCount(r.value.total));
  }, []);
  return <main>Offprint — {count ?? '…'} articles</main>;
}
