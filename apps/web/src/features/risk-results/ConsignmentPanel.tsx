import type { Consignment, ConsignmentParty } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.js';
import { Panel } from '../../components/Panel.js';
import { countryName, formatDateTime } from '../../lib/format.js';

/** The filed data the rules read: parties, places, routing and goods (WCO data model names in brackets). */
export function ConsignmentPanel({ consignment }: { consignment: Consignment }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const doc = consignment.transportDocument;
  const party = (p: ConsignmentParty) => (
    <span className="stack">
      <span>{p.name}</span>
      <span className="muted small">
        {p.address.city}, {countryName(p.address.country, lang)}
      </span>
      {p.identifiers?.length ? (
        <span className="small">
          {p.identifiers.map((id) => (
            <code key={`${id.scheme}|${id.value}`} className="code-chip">
              {id.scheme} {id.value}
            </code>
          ))}
        </span>
      ) : null}
    </span>
  );
  const full = consignment.dataset === 'full' ? consignment : undefined;
  const facts: [string, React.ReactNode][] = [
    [
      t('riskResults.consignment.document'),
      <>
        {doc.type} <code>{doc.number}</code>
        {doc.masterNumber ? (
          <span className="muted small">
            {' '}
            ({t('riskResults.consignment.master', { number: doc.masterNumber })})
          </span>
        ) : null}
      </>,
    ],
    [t('riskResults.consignment.dataset'), t(`riskResults.consignment.datasets.${consignment.dataset}`)],
    [t('riskResults.consignment.consignor'), party(consignment.consignor)],
    [t('riskResults.consignment.consignee'), party(consignment.consignee)],
    [t('riskResults.consignment.filed'), formatDateTime(consignment.filingTime, lang)],
  ];
  if (full) {
    facts.push(
      [t('riskResults.consignment.origin'), countryName(full.originCountry, lang)],
      [t('riskResults.consignment.route'), `${full.placeOfLoading} → ${full.placeOfUnloading}`],
    );
  }
  if (consignment.routingCountries?.length) {
    facts.push([
      t('riskResults.consignment.routing'),
      consignment.routingCountries.map((c) => countryName(c, lang)).join(' → '),
    ]);
  }
  if (consignment.expectedDeparture) {
    facts.push([t('riskResults.consignment.departure'), formatDateTime(consignment.expectedDeparture, lang)]);
  }
  if (consignment.expectedArrival) {
    facts.push([t('riskResults.consignment.arrival'), formatDateTime(consignment.expectedArrival, lang)]);
  }
  return (
    <Panel title={t('riskResults.consignment.title')}>
      <dl className="facts facts--columns" data-testid="risk-consignment">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {consignment.dataset === 'full' ? (
        <DataTable
          label={t('riskResults.consignment.items')}
          testId="risk-goods-items"
          dense
          columns={[
            '#',
            t('riskResults.consignment.hsCode'),
            t('riskResults.consignment.description'),
            t('riskResults.consignment.packages'),
            t('riskResults.consignment.mass'),
            t('riskResults.consignment.value'),
          ]}
        >
          {consignment.goodsItems.map((item) => (
            <tr key={item.sequence}>
              <th scope="row">{item.sequence}</th>
              <td>
                <code>{item.hsCode}</code>
              </td>
              <td>{item.description}</td>
              <td className="risk-number">{item.packages.count}</td>
              <td className="risk-number">{item.grossMassKg.toLocaleString(lang)} kg</td>
              <td className="risk-number nowrap">
                {new Intl.NumberFormat(lang, { style: 'currency', currency: item.value.currency }).format(
                  item.value.amount,
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <dl className="facts" data-testid="risk-placi">
          <div>
            <dt>{t('riskResults.consignment.description')}</dt>
            <dd>{consignment.goodsDescription}</dd>
          </div>
          <div>
            <dt>{t('riskResults.consignment.packages')}</dt>
            <dd>{consignment.totalPackages}</dd>
          </div>
          <div>
            <dt>{t('riskResults.consignment.mass')}</dt>
            <dd>{consignment.totalGrossMassKg.toLocaleString(lang)} kg</dd>
          </div>
        </dl>
      )}
    </Panel>
  );
}
