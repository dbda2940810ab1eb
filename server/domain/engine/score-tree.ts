import KDBush from 'kdbush';
import FlatQueue from 'flatqueue';
import { cosLatitude, estimateDriveMinutes, haversineKmCos, type TravelModel } from '../geo';
import type { Mask } from './masks';
import type { EngineInstitution } from './model';
import { coverageScore, type Weights } from './score';

/**
 * A forest of kd-trees (kdbush), one per capability group: institutions alike in what they offer, what
 * their kind makes them eligible for, whether the offer is their own declaration, whether they hold an
 * A253 basis, whether they declared they accept new partners, and whether they are at their declared
 * maximum. Within a group every member scores alike for a given facility except for travel (and load,
 * which only lowers a score), so the trees are searched together by branch and bound:
 *
 * A query class is (missing mask, facility earns A253): 16 classes. Each tree has one `head` per
 * class — the best score a member could have at distance 0 (coverage + A253 + willingness; −∞ when it
 * offers nothing missing). A node's bound is the head minus the travel penalty at the least distance
 * its box allows; nodes of every tree wait in one queue, best bound first, and the search stops once
 * no bound reaches the caller's threshold.
 *
 * Institutions that declared they take no new partners are in no tree; those at their declared
 * maximum are in trees of their own that rankings and combinations skip (their current partners are
 * scored directly). Reach — can anyone give ③ within an hour — still counts them: capacity is the
 * plan's matter.
 */
const EARTH_RADIUS_KM = 6371.0088; // as in geo.ts: the bound must use the same sphere as the scores
const RAD = Math.PI / 180;
const KM_PER_DEG_LAT = EARTH_RADIUS_KM * RAD;
const CLASSES = 16;
const NODE_SIZE = 16;

/**
 * Least great-circle distance (km) from a point to any point of a lng/lat box (a rigorous lower
 * bound). Any point of the box differs in latitude by ≥ the gap to its nearer latitude edge (a
 * meridian arc is the shortest such path), and lies beyond the meridian of its nearer longitude edge
 * (so at least as far as that meridian's great circle).
 */
export function boxDistanceKm(lng: number, lat: number, cosLat: number, minLng: number, minLat: number, maxLng: number, maxLat: number): number {
  const byLat = boxLatKm(lat, minLat, maxLat);
  const dLng = lng < minLng ? minLng - lng : lng > maxLng ? lng - maxLng : 0;
  const byLng = dLng > 0 ? EARTH_RADIUS_KM * Math.asin(Math.min(1, cosLat * Math.sin(Math.min(dLng, 90) * RAD))) : 0;
  return byLat > byLng ? byLat : byLng;
}

/** The latitude part alone: cheaper, and still a lower bound. */
export function boxLatKm(lat: number, minLat: number, maxLat: number): number {
  return (lat < minLat ? minLat - lat : lat > maxLat ? lat - maxLat : 0) * KM_PER_DEG_LAT;
}

/**
 * The tight box (minLng, minLat, maxLng, maxLat) of every node of a kdbush — the point range
 * [left, right] of its recursion, keyed by its middle index — filled from the children's boxes
 * (leaves: from their points); tighter than kdbush's own splits. `onNode` sees each one.
 */
export function kdNodeBoxes(kd: KDBush, nodeSize: number, onNode?: (m: number, minLng: number, minLat: number, maxLng: number, maxLat: number) => void): Float64Array {
  const c = kd.coords;
  const boxes = new Float64Array(Math.max(1, kd.numItems) * 4);
  const fill = (left: number, right: number): void => {
    const m = (left + right) >> 1;
    let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
    const cover = (x0: number, y0: number, x1: number, y1: number) => {
      if (x0 < minLng) minLng = x0;
      if (y0 < minLat) minLat = y0;
      if (x1 > maxLng) maxLng = x1;
      if (y1 > maxLat) maxLat = y1;
    };
    if (right - left <= nodeSize) {
      for (let p = left; p <= right; p++) cover(c[2 * p]!, c[2 * p + 1]!, c[2 * p]!, c[2 * p + 1]!);
    } else {
      cover(c[2 * m]!, c[2 * m + 1]!, c[2 * m]!, c[2 * m + 1]!);
      for (const [l, r] of [[left, m - 1], [m + 1, right]] as const) {
        if (l > r) continue;
        fill(l, r);
        const k = ((l + r) >> 1) * 4;
        cover(boxes[k]!, boxes[k + 1]!, boxes[k + 2]!, boxes[k + 3]!);
      }
    }
    boxes.set([minLng, minLat, maxLng, maxLat], m * 4);
    onNode?.(m, minLng, minLat, maxLng, maxLat);
  };
  if (kd.numItems > 0) fill(0, kd.numItems - 1);
  return boxes;
}

const isFull = (inst: EngineInstitution) => inst.maxPartners !== null && inst.maxPartners - inst.activePartners <= 0;

/** What every member of a tree shares. */
export interface TreeGroup {
  readonly offers: Mask;
  /** What the members' kind makes them eligible for (③: a 病院). */
  readonly eligible: Mask;
  /** Eligible by kind but neither notified nor declared (0 when they declared: a declaration is their word). */
  readonly eligibleOnly: Mask;
  /** Every member is at its declared maximum (takes no one new). */
  readonly full: boolean;
}

/**
 * One capability group's kd-tree. Point p (kd order) is institution `global[p]`; a node is the point
 * range [left, right] of kdbush's recursion, keyed by its middle index (unique in the tree).
 */
class Tree implements TreeGroup {
  readonly kd: KDBush;
  readonly global: Int32Array;
  /** Cosine of each point's latitude, for the haversine (computed once). */
  readonly pointCos: Float64Array;
  /** Tight bounding box of each node's members (minLng, minLat, maxLng, maxLat): tighter than kdbush's splits. */
  readonly nodeBox: Float64Array;
  readonly offers: Mask;
  readonly eligible: Mask;
  readonly eligibleOnly: Mask;
  readonly full: boolean;
  /** Best score at distance 0, per query class. */
  readonly head = new Float64Array(CLASSES);

  constructor(institutions: readonly EngineInstitution[], members: readonly number[], weights: Weights) {
    const n = members.length;
    const first = institutions[members[0]!]!;
    this.offers = first.offers;
    this.eligible = first.eligible;
    this.eligibleOnly = first.declared ? 0 : first.eligible & ~first.offers;
    this.full = isFull(first);
    for (let cls = 0; cls < CLASSES; cls++) {
      const cov = coverageScore(first.offers, first.eligible, first.declared, cls & 7, weights);
      this.head[cls] =
        cov.offered === 0 && cov.eligibleOnly === 0 ? -Infinity : cov.value + (cls & 8 && first.a253Basis && cov.offered & 4 ? weights.a253 : 0) + (first.willingness === 'accepting' ? weights.willingness : 0);
    }
    this.kd = new KDBush(n, NODE_SIZE);
    for (const i of members) this.kd.add(institutions[i]!.lng, institutions[i]!.lat);
    this.kd.finish();
    this.global = new Int32Array(n);
    this.pointCos = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      this.global[p] = members[this.kd.ids[p]!]!;
      this.pointCos[p] = cosLatitude(this.kd.coords[2 * p + 1]!);
    }
    this.nodeBox = kdNodeBoxes(this.kd, NODE_SIZE);
  }

  /** Least distance from the query to node [left, right]'s box. */
  nodeKm(s: { lng: number; lat: number; cosLat: number }, left: number, right: number): number {
    const k = ((left + right) >> 1) * 4;
    const b = this.nodeBox;
    return boxDistanceKm(s.lng, s.lat, s.cosLat, b[k]!, b[k + 1]!, b[k + 2]!, b[k + 3]!);
  }

  /** The same from latitude alone (a weaker bound, without trigonometry). */
  nodeLatKm(lat: number, left: number, right: number): number {
    const k = ((left + right) >> 1) * 4;
    return boxLatKm(lat, this.nodeBox[k + 1]!, this.nodeBox[k + 3]!);
  }
}

/**
 * Nodes waiting in a search, best bound first: a flat priority queue (flatqueue) of handles into
 * parallel arrays of (tree, left, right) — no object per node.
 */
class NodeQueue {
  private readonly queue = new FlatQueue<number>();
  private readonly trees: number[] = [];
  private readonly lefts: number[] = [];
  private readonly rights: number[] = [];
  private size = 0;
  /** The node last popped. */
  t = 0;
  left = 0;
  right = 0;

  push(t: number, left: number, right: number, bound: number): void {
    const h = this.size++;
    this.queue.push(h, -bound);
    this.trees[h] = t;
    this.lefts[h] = left;
    this.rights[h] = right;
  }

  /** Pops the best node if its bound reaches `threshold` (into t, left, right); false when none does. */
  popAtLeast(threshold: number): boolean {
    if (this.queue.length === 0 || -this.queue.peekValue()! < threshold) return false;
    const h = this.queue.pop()!;
    this.t = this.trees[h]!;
    this.left = this.lefts[h]!;
    this.right = this.rights[h]!;
    return true;
  }

  /** Empty again, keeping its arrays (queues are reused: see `spareQueues`). */
  clear(): void {
    this.queue.clear();
    this.size = 0;
  }
}

/** Queues of finished searches, reused by the next (a search that runs inside another takes its own). */
const spareQueues: NodeQueue[] = [];

/** Where a ranking search sends what it finds, and the score a find must reach. */
export interface RankingSink {
  readonly threshold: number;
  visit(i: number, km: number): void;
}

/** What a search asks of the forest. */
export interface SearchHooks {
  /** How good anything in a node of this tree can be, at least `km` away (−∞: skip it). */
  bound(tree: TreeGroup, km: number): number;
  threshold(): number;
  visit(i: number, km: number, tree: TreeGroup): void;
}

/**
 * A branch-and-bound search over every tree: nodes best bound first; each point is first bounded
 * by its latitude difference alone (no trigonometry), then measured; the search ends when the best
 * waiting bound is below the threshold. Subclasses give the bound and what a visit does.
 */
abstract class Search {
  protected readonly queue = spareQueues.pop() ?? new NodeQueue();
  readonly cosLat: number;

  constructor(
    protected readonly trees: readonly Tree[],
    readonly lng: number,
    readonly lat: number,
    protected readonly maxKm: number,
  ) {
    this.cosLat = cosLatitude(lat);
  }

  protected abstract bound(tree: Tree, km: number): number;
  protected abstract threshold(): number;
  protected abstract visit(i: number, km: number, tree: Tree): void;

  run(): void {
    try {
      this.search();
    } finally {
      this.queue.clear();
      spareQueues.push(this.queue);
    }
  }

  private search(): void {
    const { trees, queue } = this;
    for (let t = 0; t < trees.length; t++) this.push(t, 0, trees[t]!.global.length - 1);
    while (queue.popAtLeast(this.threshold())) {
      const { t, left, right } = queue;
      const tree = trees[t]!;
      if (right - left <= NODE_SIZE) {
        for (let p = left; p <= right; p++) this.point(tree, p);
        continue;
      }
      const m = (left + right) >> 1;
      this.point(tree, m);
      this.push(t, left, m - 1);
      this.push(t, m + 1, right);
    }
  }

  private push(t: number, left: number, right: number): void {
    if (left > right) return;
    const tree = this.trees[t]!;
    const latKm = tree.nodeLatKm(this.lat, left, right);
    if (latKm > this.maxKm || this.bound(tree, latKm) < this.threshold()) return;
    const km = tree.nodeKm(this, left, right);
    if (km > this.maxKm) return;
    const bound = this.bound(tree, km);
    if (bound >= this.threshold()) this.queue.push(t, left, right, bound);
  }

  private point(tree: Tree, p: number): void {
    const plat = tree.kd.coords[2 * p + 1]!;
    const minKm = Math.abs(plat - this.lat) * KM_PER_DEG_LAT;
    if (minKm > this.maxKm || this.bound(tree, minKm) < this.threshold()) return;
    const km = haversineKmCos(this.lng, this.lat, this.cosLat, tree.kd.coords[2 * p]!, plat, tree.pointCos[p]!);
    if (km <= this.maxKm && this.bound(tree, km) >= this.threshold()) this.visit(tree.global[p]!, km, tree);
  }
}

/** The ranking search (the hot path): bound = head − perKm × distance (travel is linear in distance). */
class BestScoreSearch extends Search {
  constructor(
    trees: readonly Tree[],
    lng: number,
    lat: number,
    maxKm: number,
    private readonly cls: number,
    private readonly perKm: number,
    private readonly sink: RankingSink,
  ) {
    super(trees, lng, lat, maxKm);
  }
  // Full institutions take no one new (−∞); 1e-9: the linear travel bound may differ from the exact
  // score in the last bit.
  protected bound(tree: Tree, km: number): number {
    return tree.full ? -Infinity : tree.head[this.cls]! - this.perKm * km + 1e-9;
  }
  protected threshold(): number {
    return this.sink.threshold;
  }
  protected visit(i: number, km: number): void {
    this.sink.visit(i, km);
  }
}

/** Any other search, its bound and visit given as hooks. */
class HookedSearch extends Search {
  constructor(trees: readonly Tree[], lng: number, lat: number, maxKm: number, private readonly hooks: SearchHooks) {
    super(trees, lng, lat, maxKm);
  }
  protected bound(tree: Tree, km: number): number {
    return this.hooks.bound(tree, km);
  }
  protected threshold(): number {
    return this.hooks.threshold();
  }
  protected visit(i: number, km: number, tree: Tree): void {
    this.hooks.visit(i, km, tree);
  }
}

export class ScoreForest {
  private readonly trees: Tree[];

  constructor(
    readonly institutions: readonly EngineInstitution[],
    readonly weights: Weights,
  ) {
    const groups = new Map<string, number[]>();
    institutions.forEach((inst, i) => {
      if (inst.willingness === 'not_accepting') return;
      const key = `${inst.offers}|${inst.eligible}|${inst.declared}|${inst.a253Basis}|${inst.willingness === 'accepting'}|${isFull(inst)}`;
      const list = groups.get(key);
      if (list) list.push(i);
      else groups.set(key, [i]);
    });
    this.trees = [...groups.values()].map((members) => new Tree(institutions, members, weights));
  }

  /** Branch and bound with the caller's bound, threshold and visit (nearest-first searches: bound −km). */
  search(lng: number, lat: number, maxKm: number, hooks: SearchHooks): void {
    new HookedSearch(this.trees, lng, lat, maxKm, hooks).run();
  }

  travelPenalty(km: number, maxMinutes: number, model: TravelModel): number {
    return this.weights.travel * (estimateDriveMinutes(km, model) / maxMinutes);
  }

  /**
   * The ranking search: institutions that take new partners, best possible score first, each visited
   * only while `head − perKm × its distance` reaches `sink.threshold` (kept by the sink).
   */
  bestScores(lng: number, lat: number, maxKm: number, cls: number, perKm: number, sink: RankingSink): void {
    new BestScoreSearch(this.trees, lng, lat, maxKm, cls, perKm, sink).run();
  }
}
