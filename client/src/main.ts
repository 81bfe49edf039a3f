// The browser entry: global styles, then the app. Everything solo practice needs is in this one bundle.
import { mount } from 'svelte';
import './styles/global.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

export default mount(App, { target });

// Offline after the first visit: the built client's service worker (client/service-worker.ts). Not in development,
// where Vite serves files that change on every save.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No service worker (a private window, an old browser): everything works online as before.
    });
  });
}
