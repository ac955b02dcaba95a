import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { menuGroups } from './menu-entries';
import type { MenuEntry } from './menu-entries';

type MenuItem = Required<MenuProps>['items'][number];

/** The side menu, grouped by handbook area, built from the entries the user may open. */
export function SideMenu({ entries, collapsed }: { entries: MenuEntry[]; collapsed: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items: MenuItem[] = menuGroups.flatMap((group): MenuItem[] => {
    const inGroup = entries.filter((e) => e.group === group);
    if (inGroup.length === 0) return [];
    return [
      {
        type: 'group',
        key: group,
        label: collapsed ? null : t(`menu.groups.${group}`),
        children: inGroup.map((e) => ({ key: e.path, icon: e.icon, label: t(`menu.${e.label}`) })),
      },
    ];
  });
  const selected = entries.find((e) => pathname === e.path || pathname.startsWith(`${e.path}/`));

  return (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={selected ? [selected.path] : []}
      onClick={({ key }) => void navigate(key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
