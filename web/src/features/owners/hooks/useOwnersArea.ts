import { useSearchParams } from 'react-router';
import { useScopeRoots } from '../../areas/hooks/useAreas';

/** The place an owners page is about: `?area=`, else the caller's first scope root (their city, street …). */
export function useOwnersArea() {
  const [searchParams, setSearchParams] = useSearchParams();
  const roots = useScopeRoots();
  const area = searchParams.get('area') ?? roots.data?.roots[0]?.code;
  const setArea = (code: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('area', code);
    setSearchParams(next);
  };
  return { area, setArea, searchParams, setSearchParams };
}
