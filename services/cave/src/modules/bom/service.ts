// What the cave's other modules and flows may ask of bills of materials (eslint.config.js: this file only).
export { bomsExportOf } from './privacy';
