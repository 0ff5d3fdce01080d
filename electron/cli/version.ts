/** kpw's version, alone in its file so `kpw --version` loads nothing else. */
export const VERSION = '0.1.0';
