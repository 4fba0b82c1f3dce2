'use client';

import { useEffect, useRef } from 'react';

/** Sends its form whenever one of the form's fields changes (the form works without it too). */
export function AutoSubmit() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (!form) return;
    const submit = () => form.requestSubmit();
    form.addEventListener('change', submit);
    return () => form.removeEventListener('change', submit);
  }, []);
  return <span ref={marker} hidden />;
}
