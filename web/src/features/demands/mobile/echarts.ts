import { ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the pick-a-point map draws: the grids as a geo component and the pin as a scatter point.
echarts.use([GeoComponent, ScatterChart, CanvasRenderer]);

export { echarts };
export type RegisteredGeoJson = Parameters<typeof echarts.registerMap>[1];
