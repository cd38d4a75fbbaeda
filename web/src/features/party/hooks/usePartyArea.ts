import { useSearchParams } from 'react-router';
import { useScopeRoots } from '../../areas/hooks/useAreas';

/** The place a party page is about: `?area=`, else the caller's first scope root (their city, street …). */
export function usePartyArea() {
  const [searchParams, setSearchParams] = useSearchParams();
  const roots = useScopeRoots();
  const requested = searchParams.get('area') ?? undefined;
  const area = requested ?? roots.data?.roots[0]?.code;
  const setArea = (code: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('area', code);
    next.delete('org');
    setSearchParams(next);
  };
  return { area, setArea, searchParams, setSearchParams, rootsError: roots.error };
}
