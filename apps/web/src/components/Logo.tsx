/** The Aeolus mark: the winds (Aeolus kept them) on a deep teal tile. */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
      className="logo-mark"
    >
      <rect width="32" height="32" rx="8" fill="#0f766e" />
      <path
        d="M14.6 8.6A2.3 2.3 0 1 1 16.2 12.5H6.5M16.6 23.4A2.3 2.3 0 1 0 18.2 19.5H6.5M21.6 11.1A2.9 2.9 0 1 1 23.6 16H6.5"
        fill="none"
        stroke="#ffffff"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
