import {
  AmbientLight,
  Box3,
  BufferAttribute,
  BufferGeometry,
  DirectionalLight,
  GridHelper,
  Group,
  HemisphereLight,
  LineBasicMaterial,
  LineSegments,
  EdgesGeometry,
  BoxGeometry,
  Mesh,
  MeshStandardMaterial,
  PerspectiveCamera,
  Scene,
  Spherical,
  Vector3,
  WebGLRenderer,
  Color,
} from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import type { Mesh as ParsedMesh } from '@makrx/mesh';
import { colourTriangles, type Highlight } from './colours';

/** An unindexed triangle soup (nine floats a triangle, as @makrx/mesh parses it) and its flags. */
export interface PreviewModel {
  positions: ParsedMesh['positions'];
  /** One byte a triangle, non-zero where it overhangs; null when overhangs were not checked. */
  overhangFlags: Uint8Array | null;
  thinWallFlags: Uint8Array | null;
}

export interface PreviewOptions {
  /** 25.4 when the file is in inches. */
  unitScale: number;
  highlight: Highlight;
}

/** Where a dimension label goes on the page, in CSS pixels from the canvas's top left. */
export interface LabelSpot {
  axis: 'x' | 'y' | 'z';
  left: number;
  top: number;
  visible: boolean;
}

export interface PreviewScene {
  update(options: PreviewOptions): void;
  /** Turns the view by a step (radians) or zooms (a factor), as the view buttons ask. */
  orbit(azimuth: number, polar: number): void;
  zoom(factor: number): void;
  reset(): void;
  dispose(): void;
}

/**
 * The model on a printer bed, drawn with three.js only when something changed (orbit, resize,
 * a toggle): no animation loop, so nothing moves by itself. The file's z axis is up, as in
 * slicers; the model stands centred on the bed with its lowest point on it.
 */
export function createPreviewScene(
  container: HTMLElement,
  model: PreviewModel,
  initial: PreviewOptions,
  onLabels: (labels: LabelSpot[]) => void,
): PreviewScene {
  const renderer = new WebGLRenderer({ antialias: true, alpha: true });
  renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
  renderer.domElement.setAttribute('aria-hidden', 'true');
  renderer.domElement.style.display = 'block';
  container.appendChild(renderer.domElement);

  const scene = new Scene();
  const camera = new PerspectiveCamera(40, 1, 0.1, 100_000);
  camera.up.set(0, 0, 1);
  scene.add(new HemisphereLight(0xffffff, 0xcbd5e1, 1.6));
  scene.add(new AmbientLight(0xffffff, 0.3));
  const sun = new DirectionalLight(0xffffff, 1.4);
  scene.add(sun);

  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(model.positions, 3));
  geometry.computeVertexNormals();
  const colours = new Float32Array(model.positions.length);
  geometry.setAttribute('color', new BufferAttribute(colours, 3));
  const material = new MeshStandardMaterial({
    vertexColors: true,
    roughness: 0.65,
    metalness: 0.05,
  });
  const part = new Mesh(geometry, material);
  const stage = new Group();
  stage.add(part);
  scene.add(stage);

  const controls = new OrbitControls(camera, renderer.domElement);
  controls.enableDamping = false;
  controls.screenSpacePanning = true;

  let bed: GridHelper | undefined;
  let outline: LineSegments | undefined;
  const size = new Vector3();
  const box = new Box3();

  function render() {
    renderer.render(scene, camera);
    onLabels(labelSpots());
  }

  function labelSpots(): LabelSpot[] {
    const { width, height } = renderer.domElement.getBoundingClientRect();
    const half = size.clone().multiplyScalar(0.5);
    // Each label just outside the edge it measures, on the sides the first view faces.
    const gap = Math.max(size.x, size.y, size.z) * 0.08;
    const anchors: [LabelSpot['axis'], Vector3][] = [
      ['x', new Vector3(0, -half.y - gap, 0)],
      ['y', new Vector3(half.x + gap, 0, 0)],
      ['z', new Vector3(-half.x - gap, -half.y, half.z)],
    ];
    return anchors.map(([axis, point]) => {
      const projected = point.project(camera);
      return {
        axis,
        left: ((projected.x + 1) / 2) * width,
        top: ((1 - projected.y) / 2) * height,
        visible: projected.z < 1,
      };
    });
  }

  function frame() {
    const radius = Math.max(size.x, size.y, size.z, 1);
    // Far enough that the part's bounding sphere fits the narrower of the two fields of view.
    const halfFov = (camera.fov * Math.PI) / 360;
    const narrower = Math.min(halfFov, Math.atan(Math.tan(halfFov) * camera.aspect));
    const distance = ((size.length() / 2) * 1.4) / Math.sin(narrower);
    const direction = new Vector3(0.9, -1.1, 0.8).normalize();
    controls.target.set(0, 0, size.z / 2);
    camera.position.copy(controls.target).addScaledVector(direction, distance);
    camera.near = radius / 100;
    camera.far = radius * 100;
    camera.updateProjectionMatrix();
    controls.minDistance = radius * 0.3;
    controls.maxDistance = Math.max(radius * 10, distance * 2);
    sun.position.set(radius * 2, -radius, radius * 3);
    controls.update();
  }

  function update(options: PreviewOptions) {
    colourTriangles(colours, model.overhangFlags, model.thinWallFlags, options.highlight);
    geometry.getAttribute('color').needsUpdate = true;
    part.scale.setScalar(options.unitScale);
    part.position.set(0, 0, 0);
    part.updateMatrixWorld(true);
    box.setFromObject(part);
    box.getSize(size);
    const centre = box.getCenter(new Vector3());
    // Centred on the bed, standing on it.
    part.position.set(-centre.x, -centre.y, -box.min.z);

    if (bed) {
      stage.remove(bed);
      bed.geometry.dispose();
    }
    const bedSize = Math.ceil((Math.max(size.x, size.y) * 1.6) / 10) * 10 || 10;
    bed = new GridHelper(bedSize, Math.max(2, Math.round(bedSize / 10)), 0x94a3b8, 0xe2e8f0);
    bed.rotation.x = Math.PI / 2;
    stage.add(bed);

    if (outline) {
      stage.remove(outline);
      outline.geometry.dispose();
    }
    outline = new LineSegments(
      new EdgesGeometry(new BoxGeometry(size.x, size.y, size.z)),
      new LineBasicMaterial({ color: new Color(0x64748b), transparent: true, opacity: 0.5 }),
    );
    outline.position.set(0, 0, size.z / 2);
    stage.add(outline);
    frame();
    render();
  }

  function resize() {
    const { clientWidth: width, clientHeight: height } = container;
    if (width === 0 || height === 0) return;
    renderer.setSize(width, height, false);
    renderer.domElement.style.width = `${width}px`;
    renderer.domElement.style.height = `${height}px`;
    camera.aspect = width / height;
    camera.updateProjectionMatrix();
    render();
  }

  const observer = new ResizeObserver(resize);
  observer.observe(container);
  controls.addEventListener('change', render);
  resize();
  update(initial);

  return {
    update,
    orbit(azimuth, polar) {
      const offset = camera.position.clone().sub(controls.target);
      // Spherical coordinates about z, the up axis.
      const spherical = new Spherical().setFromCartesianCoords(offset.x, offset.z, -offset.y);
      spherical.theta += azimuth;
      spherical.phi = Math.min(Math.PI - 0.05, Math.max(0.05, spherical.phi + polar));
      const turned = new Vector3().setFromSpherical(spherical);
      camera.position.copy(controls.target).add(new Vector3(turned.x, -turned.z, turned.y));
      controls.update();
    },
    zoom(factor) {
      const offset = camera.position.clone().sub(controls.target).multiplyScalar(factor);
      const length = Math.min(
        controls.maxDistance,
        Math.max(controls.minDistance, offset.length()),
      );
      camera.position.copy(controls.target).add(offset.setLength(length));
      controls.update();
    },
    reset() {
      frame();
      render();
    },
    dispose() {
      observer.disconnect();
      controls.dispose();
      geometry.dispose();
      material.dispose();
      bed?.geometry.dispose();
      outline?.geometry.dispose();
      renderer.dispose();
      renderer.domElement.remove();
    },
  };
}
