import { ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the demand maps draw (the console's and the phone's point picker): boundaries as a geo
// component and the pin as a scatter point.
echarts.use([GeoComponent, ScatterChart, CanvasRenderer]);
