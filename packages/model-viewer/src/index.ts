/*
 * The light entry: colours and types only, safe for a page's first bundle. three.js lives in
 * `@makrx/model-viewer/scene` (import it dynamically, when a model is shown) and the parsing in
 * `@makrx/model-viewer/worker` (import it from a Web Worker).
 */
export { colourTriangles, noHighlight, previewColours, type Highlight } from './colours';
export type { LabelSpot, PreviewModel, PreviewOptions, PreviewScene } from './scene';
export { isViewableModel, type ViewableModel } from './viewable-model-answer';
