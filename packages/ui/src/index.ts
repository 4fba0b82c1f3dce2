export { portals, portalInfo, portalUrl } from './portals';
export type { NavItem, Portal, PortalInfo, PortalUrls } from './portals';
export { PortalHeader } from './portal-header';
export { PortalNavigator } from './portal-navigator';
export type { PortalNavigatorProps } from './portal-navigator';
export {
  makerspaceRolesText,
  navigatorSections,
  orderDateText,
  orderStatusText,
  NAVIGATOR_MAKERSPACE_COUNT,
  NAVIGATOR_ORDER_COUNT,
} from './portal-navigation';
export type { MakerspaceRoleKey, NavigatorMakerspace, NavigatorOrder } from './portal-navigation';
export type { PortalHeaderProps } from './portal-header';
export { HeaderSearch } from './header-search';
export type { HeaderSearchProps } from './header-search';
export { PortalFooter } from './portal-footer';
export { AccountMenu } from './account-menu';
export type {
  AccountMenuProps,
  AccountMenuUser,
  SignInAction,
  SignOutAction,
} from './account-menu';
export { safeReturnTo } from './return-to';
export type { PortalFooterProps } from './portal-footer';
export { MakrXMark, PortalWordmark } from './makrx-logo';
export { Container } from './container';
export { Button, ButtonLink, buttonClasses } from './button';
export type {
  ButtonLinkProps,
  ButtonProps,
  ButtonSize,
  ButtonStyle,
  ButtonVariant,
} from './button';
export { Badge } from './badge';
export type { BadgeProps, BadgeTone } from './badge';
export { Card } from './card';
export type { CardProps } from './card';
export { ConfirmDialog } from './confirm-dialog';
export type { ConfirmDialogProps } from './confirm-dialog';
export { JustificationDialog } from './justification-dialog';
export type { JustificationDialogProps } from './justification-dialog';
export { EmptyState } from './empty-state';
export type { EmptyStateProps } from './empty-state';
export { ErrorState } from './error-state';
export type { ErrorStateProps } from './error-state';
export { Skeleton } from './skeleton';
export type { SkeletonProps } from './skeleton';
export { Avatar, initialsOf } from './avatar';
export type { AvatarProps, AvatarSize } from './avatar';
export { currencyLabel, formatPrice, minorUnitDigits } from './format-price';
export { Pagination, pageSlots } from './pagination';
export type { PaginationProps } from './pagination';
export { CoverArt } from './cover-art';
export type { CoverArtProps } from './cover-art';
export { cx } from './class-names';
export * from './icons';
export { SectionHeader } from './section-header';
export type { SectionHeaderProps } from './section-header';
export { MaintenanceBanner, MaintenanceNotice } from './maintenance';
export type { MaintenanceBannerProps, MaintenanceNoticeProps } from './maintenance';
export { NotificationBell, UNREAD_POLL_MS } from './notification-bell';
export type { NotificationBellProps } from './notification-bell';
export type { BellNotification, NotificationsApi } from './notifications-api';
export { ContextSwitcher } from './context-switcher';
export type { ContextSwitcherProps, SwitcherOption } from './context-switcher';
export { SubNav } from './sub-nav';
export type { SubNavProps } from './sub-nav';
export { FormField, inputClasses } from './form-field';
export type { FormFieldProps } from './form-field';
export { FormDialog } from './form-dialog';
export type { FormDialogProps } from './form-dialog';
