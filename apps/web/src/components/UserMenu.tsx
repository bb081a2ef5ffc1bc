import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { initials } from '../lib/format.js';
import { useSession, useSignedIn } from '../lib/session.js';
import { Dropdown } from './Dropdown.js';
import { Icon } from './Icon.js';
import { useDisclosure } from './use-disclosure.js';

export function UserMenu() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const disclosure = useDisclosure<HTMLDivElement>();
  const { user } = session;

  async function onSignOut() {
    disclosure.close();
    await signOut().catch(() => undefined);
    navigate('/sign-in', { replace: true });
  }

  return (
    <Dropdown
      disclosure={disclosure}
      block="user-menu"
      panelId="user-menu-panel"
      align="right"
      testId="user-menu"
      button={
        <>
          <span className="avatar" aria-hidden="true">
            {initials(user.displayName)}
          </span>
          <span className="user-menu__name">{user.displayName}</span>
          <Icon name="chevronDown" size={16} />
        </>
      }
    >
      <div className="dropdown__identity">
        <span className="dropdown__item-title">{user.displayName}</span>
        <span className="dropdown__item-meta">{user.email}</span>
      </div>
      <ul className="dropdown__list">
        <li>
          <Link className="dropdown__item" to="/profile" onClick={() => disclosure.close()}>
            <Icon name="user" />
            <span>{t('nav.areas.profile')}</span>
          </Link>
        </li>
        <li>
          <button type="button" className="dropdown__item" onClick={onSignOut} data-testid="sign-out">
            <Icon name="signOut" />
            <span>{t('shell.signOut')}</span>
          </button>
        </li>
      </ul>
    </Dropdown>
  );
}
