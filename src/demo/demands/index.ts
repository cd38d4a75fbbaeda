// The demands demo: a year of residents' demands (接诉即办) over the demo city, with the property
// companies, departments and co-building units that handle them.

export { type DemandsYear, generateDemandsYear } from './demands.generate';
export { type DemoDemandsOptions, type DemoDemandsSummary, loadDemoDemands } from './demands.load';
export { planDemoUnits } from './demands.units';
