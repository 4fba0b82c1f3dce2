import type { ProfileAvatar } from '@makrx/contracts';
import { useRuntimeConfig } from '@makrx/spa-kit';
import { Avatar, cx, type AvatarSize } from '@makrx/ui';

const sizeClasses: Record<AvatarSize, string> = {
  sm: 'size-8',
  md: 'size-12',
  lg: 'size-16',
  xl: 'size-24',
};

export interface MakerAvatarProps {
  name: string;
  avatar: ProfileAvatar | null;
  size?: AvatarSize;
  className?: string;
}

/**
 * The maker's picture when they gave one (the 128 px square for small sizes, 512 px for the
 * page), else their initials; decorative either way, since the name is written beside it.
 */
export function MakerAvatar({ name, avatar, size = 'md', className }: MakerAvatarProps) {
  const { authApiUrl } = useRuntimeConfig();
  if (!avatar) return <Avatar name={name} size={size} className={className} />;
  const path = size === 'xl' || size === 'lg' ? avatar.large : avatar.small;
  return (
    <img
      src={`${authApiUrl}${path}`}
      alt=""
      width={512}
      height={512}
      className={cx('shrink-0 rounded-full bg-ink-100 object-cover', sizeClasses[size], className)}
    />
  );
}
