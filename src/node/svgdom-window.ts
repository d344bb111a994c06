// Node edge: importing this module gives render svgdom's window to draw in (once per process).
import { createSVGWindow } from 'svgdom';
import { useSvgWindow } from '../render/svg-window.ts';

useSvgWindow(createSVGWindow());
