"use client";
// Asks the server which contexts a pasted kubeconfig holds (debounced), for the context picker.
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { readError } from "@/components/trpc/errors";

export function useKubeconfigContexts(kubeconfig: string) {
  const trpc = useTRPC();
  const inspect = useMutation(trpc.cluster.inspectKubeconfig.mutationOptions());
  const { mutate, reset } = inspect;
  const [debounced, setDebounced] = useState(kubeconfig);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(kubeconfig), 400);
    return () => clearTimeout(id);
  }, [kubeconfig]);
  useEffect(() => {
    if (debounced.trim()) mutate({ kubeconfig: debounced });
    else reset();
  }, [debounced, mutate, reset]);
  return {
    contexts: inspect.data?.contexts ?? [],
    currentContext: inspect.data?.currentContext ?? null,
    error: inspect.error ? readError(inspect.error).message : null,
    checking: inspect.isPending,
  };
}
