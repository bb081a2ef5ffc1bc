import type { Organisation } from '@aeolus/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncList } from '../../components/AsyncList.js';
import { RoleBadges } from '../../components/Badge.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { IconButton } from '../../components/IconButton.js';
import { useNotices } from '../../components/Notices.js';
import { Panel } from '../../components/Panel.js';
import { api } from '../../lib/api.js';
import { useResource } from '../../lib/use-resource.js';
import { AddMemberForm } from './AddMemberForm.js';

export function MembersPanel({
  organisation,
  canManage,
}: {
  organisation: Organisation;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const { notify } = useNotices();
  const members = useResource((signal) => api.listMembers(signal), organisation.id);
  const [adding, setAdding] = useState(false);

  return (
    <Panel
      title={t('organisation.members.title')}
      description={t('organisation.members.description')}
      actions={
        canManage && !adding ? (
          <IconButton icon="plus" onClick={() => setAdding(true)}>
            {t('organisation.members.add')}
          </IconButton>
        ) : null
      }
    >
      {adding ? (
        <AddMemberForm
          organisation={organisation}
          onCancel={() => setAdding(false)}
          onAdded={(email) => {
            setAdding(false);
            notify(t('organisation.members.added', { email }));
            members.reload();
          }}
        />
      ) : null}
      <AsyncList
        status={members.status}
        error={members.status === 'error' ? members.error : undefined}
        items={members.data?.items}
        loadFailed={t('organisation.members.loadFailed')}
        empty={<EmptyState icon="user" title={t('organisation.members.empty')} />}
      >
        {(items) => (
          <DataTable
            label={t('organisation.members.title')}
            testId="members-table"
            columns={[
              t('organisation.members.name'),
              t('organisation.members.email'),
              t('organisation.members.roles'),
            ]}
          >
            {items.map((member) => (
              <tr key={member.userId}>
                <th scope="row" className="table__primary">
                  {member.displayName}
                </th>
                <td>{member.email}</td>
                <td>
                  <span className="badges">
                    <RoleBadges roles={member.roles} />
                  </span>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </AsyncList>
    </Panel>
  );
}
