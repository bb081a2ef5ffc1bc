import type { MraNetwork } from '@aeolus/contracts';
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataTable } from '../../components/DataTable.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Panel } from '../../components/Panel.js';
import { useResource } from '../../lib/use-resource.js';
import { compilationApi } from './compilation-api.js';
import { localised, MRA_STATUS_COLOURS } from './compilation-format.js';

const SIZE = 640;

type Node = SimulationNodeDatum & { id: string; degree: number };
/** An MRA (status) or a jurisdiction covered by a customs union's arrangements (status null). */
type Edge = SimulationLinkDatum<Node> & { id: string; status: string | null };

/**
 * Lays the network out once, synchronously (a fixed number of ticks, so the picture is the same on
 * every visit and no animation runs on a phone), then renders plain SVG.
 */
function layout(network: MraNetwork) {
  const degree = new Map<string, number>();
  for (const e of network.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const nodes: Node[] = network.nodes.map((n, i) => ({
    id: n.id,
    degree: degree.get(n.id) ?? 0,
    // Deterministic start on a circle.
    x: SIZE / 2 + (SIZE / 3) * Math.cos((2 * Math.PI * i) / network.nodes.length),
    y: SIZE / 2 + (SIZE / 3) * Math.sin((2 * Math.PI * i) / network.nodes.length),
  }));
  const edges: Edge[] = [
    ...network.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, status: e.status })),
    ...network.nodes
      .filter((n) => n.coveredBy !== null)
      .map((n) => ({ id: `covered:${n.id}`, source: n.id, target: n.coveredBy!, status: null })),
  ];
  const simulation = forceSimulation(nodes)
    .force(
      'link',
      forceLink<Node, Edge>(edges)
        .id((n) => n.id)
        .distance(90),
    )
    .force('charge', forceManyBody().strength(-160))
    .force('center', forceCenter(SIZE / 2, SIZE / 2))
    .force('x', forceX(SIZE / 2).strength(0.06))
    .force('y', forceY(SIZE / 2).strength(0.06))
    .force('collide', forceCollide(16))
    .stop();
  simulation.tick(300);
  const clamp = (v: number | undefined) => Math.max(20, Math.min(SIZE - 20, v ?? SIZE / 2));
  for (const n of nodes) {
    n.x = clamp(n.x);
    n.y = clamp(n.y);
  }
  return { nodes, edges: edges as (Edge & { source: Node; target: Node })[] };
}

export function NetworkPage() {
  const { t, i18n } = useTranslation();
  const network = useResource((signal) => compilationApi.network(signal), 'network');
  const drawn = useMemo(() => (network.data ? layout(network.data) : undefined), [network.data]);
  if (network.status === 'error')
    return <LoadError title={t('compilation.network.loadError')} error={network.error} />;
  if (!network.data || !drawn) return <Loading label={t('compilation.network.loading')} block />;
  const names = new Map(network.data.nodes.map((n) => [n.id, n]));
  const covered = network.data.nodes.filter((n) => n.coveredBy !== null);
  const statuses = [...new Set(network.data.edges.map((e) => e.status))];
  const name = (code: string) => {
    const node = names.get(code);
    return node ? localised(node.name, i18n.language) : code;
  };

  return (
    <>
      <PageHeader title={t('compilation.network.title')} lead={t('compilation.network.lead')} />
      <Panel
        title={t('compilation.network.figure', {
          nodes: drawn.nodes.length,
          edges: network.data.edges.length,
        })}
      >
        <ul className="compilation__legend" aria-label={t('compilation.network.legend')}>
          {statuses.map((s) => (
            <li key={s}>
              <span
                className="compilation__swatch"
                style={{ background: MRA_STATUS_COLOURS[s] }}
                aria-hidden="true"
              />
              {t(`compilation.mraStatus.${s}`)}
            </li>
          ))}
          {covered.length > 0 && (
            <li>
              <span className="compilation__swatch compilation__swatch--covered" aria-hidden="true" />
              {t('compilation.network.coveredLegend')}
            </li>
          )}
        </ul>
        {/* The table below carries the same information in a form every reader can use. */}
        <figure className="compilation__figure">
          <figcaption className="visually-hidden">
            {t('compilation.network.figure', { nodes: drawn.nodes.length, edges: network.data.edges.length })}
          </figcaption>
          <svg className="compilation__network" viewBox={`0 0 ${SIZE} ${SIZE}`} data-testid="mra-network">
            <title>
              {t('compilation.network.figure', {
                nodes: drawn.nodes.length,
                edges: network.data.edges.length,
              })}
            </title>
            <g>
              {drawn.edges.map((e) => {
                const ends = { x1: e.source.x, y1: e.source.y, x2: e.target.x, y2: e.target.y };
                return e.status === null ? (
                  <line
                    key={e.id}
                    {...ends}
                    stroke="#64748b"
                    strokeWidth={1}
                    strokeDasharray="2 3"
                    data-covered-by={e.target.id}
                  />
                ) : (
                  <line
                    key={e.id}
                    {...ends}
                    stroke={MRA_STATUS_COLOURS[e.status]}
                    strokeWidth={1.5}
                    strokeDasharray={e.status === 'signed' ? undefined : '5 4'}
                    opacity={0.7}
                    data-status={e.status}
                  />
                );
              })}
            </g>
            <g>
              {drawn.nodes.map((n) => {
                const node = names.get(n.id);
                const r = 7 + Math.sqrt(n.degree) * 3;
                const circle = (
                  <>
                    <circle cx={n.x} cy={n.y} r={r} fill="#fff" stroke="#0f172a" strokeWidth={1.5} />
                    <text x={n.x} y={(n.y ?? 0) + r + 11} textAnchor="middle" fontSize={11} fill="#0f172a">
                      {n.id}
                    </text>
                    <title>{name(n.id)}</title>
                  </>
                );
                return node?.programmeId ? (
                  <a
                    key={n.id}
                    href={`/compilation/programmes/${node.programmeId}`}
                    data-testid={`network-node-${n.id}`}
                  >
                    {circle}
                  </a>
                ) : (
                  <g key={n.id} data-testid={`network-node-${n.id}`}>
                    {circle}
                  </g>
                );
              })}
            </g>
          </svg>
        </figure>
      </Panel>
      <Panel title={t('compilation.network.tableTitle')}>
        <DataTable
          label={t('compilation.network.tableTitle')}
          testId="network-table"
          dense
          columns={[
            t('compilation.network.from'),
            t('compilation.network.to'),
            t('compilation.network.status'),
            t('compilation.network.signed'),
          ]}
        >
          {network.data.edges.map((e) => (
            <tr key={e.id}>
              <td>
                {names.get(e.source)?.programmeId ? (
                  <Link to={`/compilation/programmes/${names.get(e.source)?.programmeId}`}>
                    {name(e.source)}
                  </Link>
                ) : (
                  name(e.source)
                )}
              </td>
              <td>
                {names.get(e.target)?.programmeId ? (
                  <Link to={`/compilation/programmes/${names.get(e.target)?.programmeId}`}>
                    {name(e.target)}
                  </Link>
                ) : (
                  name(e.target)
                )}
              </td>
              <td>{t(`compilation.mraStatus.${e.status}`)}</td>
              <td>{e.signedOn ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
        {covered.length > 0 && (
          <ul className="compilation__covered" data-testid="network-covered">
            {covered.map((n) => (
              <li key={n.id}>
                {t('compilation.network.covered', { member: name(n.id), union: name(n.coveredBy!) })}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}
