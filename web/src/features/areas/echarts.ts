import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the area maps draw: the full echarts build would add ~700 kB to the bundle.
echarts.use([MapChart, TooltipComponent, VisualMapContinuousComponent, CanvasRenderer]);
