// The owners' demo: registers, committees, formations and disclosures of the demo city's compounds,
// loaded after (and from) the residents and party members of each grid.

export { countOwnersFigures, type OwnersFigures } from './owners.figures';
export { type GridOwners, generateGridOwners } from './owners.generate';
export {
  type DemoOwnersOptions,
  type DemoOwnersSummary,
  loadDemoOwners,
  loadDemoOwnersOfGrid,
  type OwnersCounts,
} from './owners.load';
