// Where the demands pages live on a phone (mounted outside the console, see routes.tsx).

const enc = encodeURIComponent;

export const mobilePaths = {
  newDemand: '/m/demands/new',
  myDemands: '/m/demands',
  demand: (id: string) => `/m/demands/${enc(id)}`,
  tasks: '/m/tasks',
  patrol: '/m/tasks/new',
  task: (id: string) => `/m/tasks/${enc(id)}`,
};
