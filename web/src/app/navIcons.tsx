import {
  ApartmentOutlined,
  CommentOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FlagOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  MessageOutlined,
  PartitionOutlined,
  ProfileOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ComponentType, CSSProperties } from 'react';
import type { NavKey } from './navigation';

/** Menu and launcher icon of each module; kept apart from `navigation.ts` so that table stays plain data. */
export const navIcons: Record<NavKey, ComponentType<{ style?: CSSProperties }>> = {
  home: HomeOutlined,
  areasMap: EnvironmentOutlined,
  areas: ApartmentOutlined,
  people: TeamOutlined,
  party: FlagOutlined,
  demands: MessageOutlined,
  owners: SolutionOutlined,
  property: ToolOutlined,
  stations: ShopOutlined,
  workforce: IdcardOutlined,
  cobuild: PartitionOutlined,
  volunteers: HeartOutlined,
  deliberation: CommentOutlined,
  duties: ProfileOutlined,
  dashboard: DashboardOutlined,
  users: UserOutlined,
  audit: FileSearchOutlined,
  tokens: KeyOutlined,
};
